/**
 * 内置的中文消息模板，格式与用户的模板文件相同（见 messages.ts）。【】里的内容由发信人自己填写，`{{…}}` 取自联系人笔记。
 * 每封信都是送点什么或打个招呼，结尾不向对方提任何要求。
 */
export const MESSAGES_ZH: readonly string[] = [
  `---
kind: fyi-interview
group: fyi
subject: 还惦记着那次聊到的【话题】
logs: gave/article
---
{{first_name}}，你好！

这次的职位没能成，没关系。倒是那天和你聊【话题】让我一直记着，最近看到这篇，第一个就想到你：【链接】

{{company}}接下来的动向我会继续关注，也真心盼着你们越做越好。

不必回复，祝一切顺利！
{{my_name}}`,

  `---
kind: fyi-conference
group: fyi
subject: 今年的【大会名称】还去吗？
logs: caught-up
---
{{first_name}}，你好！

一晃我们认识快一年了（{{how_we_met}}），你当时讲的【话题】我到现在还记得。今年的议程出来了，我看【某个议题】很对你的路子。

我【哪几天】会在现场，要是你也去，到时候见面聊。

祝筹备顺利！
{{my_name}}`,

  `---
kind: fyi-old-company
group: fyi
subject: 老东家的新动静：【标题】
logs: gave/article
---
{{first_name}}，好久不见！

这条消息你看到了吗？【消息内容和链接】一看到就想起我们在【老东家】一起干活的日子，头一个就想跟你说。

最近在忙些什么？哪天得空了随便聊聊。

祝好！
{{my_name}}`,

  `---
kind: fyi-interest
group: fyi
subject: 给你的{{interest}}资料库添一篇
logs: gave/article
---
{{first_name}}，你好！

知道你一直关注{{interest}}，看到这篇就想到了你：【链接】

【一句话说说它哪里吸引你】

祝这周顺心！
{{my_name}}`,

  `---
kind: fyi-follow-up
group: fyi
subject: 接着上次聊的【话题】
logs: gave/article
---
{{first_name}}，你好！

谢谢那天的交流（{{how_we_met}}）。回来后我找到这篇，正好接着我们聊到的【话题】往下说：【链接】

读得开心！
{{my_name}}`,

  `---
kind: intro
group: payload
subject: 有位朋友，我觉得你们会聊得来
logs: gave/intro
---
{{first_name}}，你好！

最近和【对方的名字】聊了不少，他/她在做【对方做的事】。你在{{interest}}上的经验正好对得上，我想你们一定有很多话可聊：【为什么值得认识】

要不要我帮你们牵个线？愿意的话，我发封邮件给你们俩互相介绍；时机不合适也完全没关系。

祝好！
{{my_name}}`,

  `---
kind: article
group: payload
subject: 值得花十分钟看看：【文章标题】
logs: gave/article
---
{{first_name}}，你好！

读到这篇就想到你：【文章链接】。里面讲【和对方相关的要点】的那段，跟你在{{interest}}上做的事挺接近。

顺手转给你，看看就好。

祝好！
{{my_name}}`,

  `---
kind: kudos
group: payload
subject: 你的【作品】被我转出去了
logs: gave/kudos
---
{{first_name}}，你好！

看了你的【作品】，很喜欢，尤其是【最打动你的部分】。我已经转给了【转给了谁】，因为【为什么对他们有用】。

就是想让你知道，它真的有人在看、有人受益。

祝好！
{{my_name}}`,

  `---
kind: cold-outreach
group: outreach
subject: 一位【对方作品】的读者，带着自己做的一点东西
logs: gave/kudos
---
{{first_name}}，你好！

我是{{my_name}}，【一句话介绍自己】。关注你的工作有一阵子了，【你欣赏的地方】一直让我印象很深，因为【为什么对你重要】。

受你启发，我也做了一点东西：【你做的东西和链接】。想让你看看你的想法传到了哪里。要是你喜欢，或者愿意转给别人，我会特别开心。

无论如何，谢谢你做的这些。
{{my_name}}`,

  `---
kind: thank-you
group: thanks
subject: 谢谢你【对方做的事】
logs: gave/kudos
---
{{first_name}}，你好！

谢谢你【对方做的事】，真的帮了大忙：【因此有了什么变化】。

很高兴认识你，祝【今天或周末】愉快！
{{my_name}}`,
];
