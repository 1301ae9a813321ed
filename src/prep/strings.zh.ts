/** 简体中文：新建联系人、谈话准备与消息模板用到的文字。它们都在唯一的中文词表 src/i18n/zh.ts 里，这里只按前缀取出这一部分。 */
import { zh } from "../i18n/zh";
import { prepPart, type PrepKey } from "./strings.en";

export const prepZh: Readonly<Record<PrepKey, string>> = prepPart(zh);
