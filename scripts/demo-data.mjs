// The people, meetings and journal phrases of the demo vault, used by make-demo-vault.mjs.
// Every date is relative to "today": `at(-3)` is three days ago, `at(10)` ten days ahead, and the touch plans
// (`daily`, `log`, `heads`) count days ago. All text here is written for this demo.
//
// Per person:
//   folder   where the note lives (People, or Contacts for people found by tag or `type: person`)
//   lang     "zh" writes the body and their journal mentions in Chinese
//   fm       frontmatter, in the order written
//   raw      frontmatter text written as is (the deliberately broken note)
//   know, common   bullet lines for "What I know" and "Common ground"
//   topics   short phrases used for their log lines and journal mentions
//   daily    days ago when a daily note mentions them in a way that counts as a touch
//   log      days ago of `- [[YYYY-MM-DD]] …` lines in their own Log
//   heads    days ago of `### YYYY-MM-DD` entries in their own Log
//   linkAs   display text for piped links, e.g. [[Priya Raman|Priya]]

export function buildPeople(at, birthday) {
  return [
    // ── meaningful (default cadence 14 days) ──────────────────────────────────────────────
    {
      name: "Maya Lindqvist", folder: "People", lang: "en",
      fm: {
        tier: "meaningful", last_touch: at(-16), met: at(-3900), birthday: birthday(40, 34),
        how_we_met: "Same corridor in the first year of university",
        interests: ["bouldering", "sourdough", "Nordic crime novels"],
        commitments: [`Return her camping stove 📅 ${at(4)}`, "Send the photos from the lake weekend"],
        expecting: ["A jar of her sourdough starter"],
      },
      know: ["Works as a hydrologist and spends half of every summer on field trips.", "Moved back to Uppsala two years ago; her partner is called Erik."],
      common: ["We both learned to climb badly at the same gym.", "Trading crime novels by post since 2016."],
      topics: ["she finally got the field station job", "planning the autumn hike together", "her starter survived the heatwave", "laughed about our first climbing lesson"],
      daily: [3, 30, 52, 77, 101], log: [16], heads: [],
    },
    {
      name: "Daniel Okafor", folder: "People", lang: "en",
      fm: {
        tags: ["person", "work"], tier: "meaningful", cadence: 10, last_touch: at(-6),
        company: "Northwind Labs", role: "Engineering manager", met: at(-1500),
        interests: ["jazz piano", "public speaking"],
        commitments: [`Read the draft of his conference talk 📅 ${at(-3)}`, `Book the team dinner 📅 ${at(12)}`],
      },
      know: ["My first real mentor; he hired me into the platform team.", "Plays jazz piano on Thursday evenings."],
      common: ["We both care a lot about boring, reliable software."],
      topics: ["he wants feedback on the talk before Friday", "talked through the reorg", "swapped notes on running one-to-ones"],
      daily: [13, 29], log: [], heads: [29],
    },
    {
      name: "王芳", folder: "People", lang: "zh",
      fm: {
        aliases: ["Wang Fang", "芳芳"], tier: "meaningful", birthday: birthday(75),
        how_we_met: "读研时的室友", interests: ["书法", "徒步"],
        commitments: [`寄一盒龙井给她 📅 ${at(10)}`],
      },
      know: ["在杭州做城市规划，最近在准备一个老街改造的项目。", "每天早上练半小时小楷。"],
      common: ["都喜欢周末去山里走走。", "读研时一起熬过无数个写论文的晚上。"],
      topics: ["她说老街项目终于通过了", "聊到了明年一起去黄山", "她寄来了一幅新写的字", "聊了很久各自的工作"],
      daily: [35], log: [9, 35], heads: [],
    },
    {
      name: "Priya Raman", folder: "People", lang: "en", linkAs: "Priya",
      fm: {
        tier: "meaningful", met: at(-2200), company: "Freelance", role: "Product designer",
        interests: ["ceramics", "Carnatic music", "board games"],
        commitments: [`Introduce her to Jonas about the design role 📅 ${at(-9)}`, "Lend her my copy of the typography book"],
        expecting: ["Her notes from the accessibility workshop"],
      },
      know: ["Went freelance last spring and is enjoying the freedom more than expected.", "Has a very opinionated cat called Biscuit."],
      common: ["Board game nights every other month.", "We both collect odd mugs."],
      topics: ["she showed me her new glaze experiments", "talked about pricing freelance work", "board game night, she won again"],
      daily: [12, 40, 66], log: [], heads: [],
    },
    {
      name: "Tomás Herrera", folder: "People", lang: "en",
      fm: {
        tier: "meaningful", met: at(-2000), how_we_met: "Neighbours in the old flat on Carrer de Sants",
        interests: ["cooking", "cycling"],
        expecting: ["The recipe for his mother's mole"],
      },
      know: ["Runs a small bakery with his brother.", "Rides to the coast every Sunday morning, rain or not."],
      common: ["Cooking big dinners for too many people."],
      topics: ["helped him fix the bakery's oven timer", "long dinner, talked about his father's health", "rode to the coast together"],
      daily: [33], log: [], heads: [19, 47],
    },

    // ── intimate (default cadence 30 days) ────────────────────────────────────────────────
    {
      name: "Lena Fischer", folder: "People", lang: "en",
      fm: {
        tier: "intimate", tier_goal: "meaningful", last_touch: at(-39), met: at(-900),
        how_we_met: "Evening German class, she was the teacher's assistant", interests: ["film photography", "urban gardening"],
        commitments: ["Print the two photos she liked"],
      },
      know: ["Teaches secondary-school chemistry.", "Shares an allotment with three neighbours."],
      common: ["Both shoot on old film cameras."],
      topics: ["she developed her first colour roll", "talked about the allotment harvest", "swapped camera repair tips"],
      daily: [8, 39, 70], log: [39], heads: [],
    },
    {
      name: "Kenji Watanabe", folder: "People", lang: "en",
      fm: {
        tier: "intimate", cadence: "2w", met: at(-1100), interests: ["woodworking", "trail running"],
        expecting: ["A book recommendation on Japanese joinery"],
      },
      know: ["Builds furniture on weekends in a shared workshop.", "Is training for his first 50 km trail race."],
      common: ["Early-morning runs when we were in the same city."],
      topics: ["he sent pictures of the new bench", "talked about his race plan", "caught up over ramen"],
      daily: [17, 45], log: [], heads: [],
    },
    {
      name: "李强", folder: "People", lang: "zh",
      fm: { aliases: ["Li Qiang"], tier: "亲密", met: at(-1300), interests: ["围棋", "摄影"] },
      know: ["在深圳做硬件创业，公司刚拿到第一笔投资。", "女儿今年上小学。"],
      common: ["大学时一起在围棋社。"],
      topics: ["他说公司在招嵌入式工程师", "下了一盘网上围棋，又输了", "聊了聊孩子上学的事"],
      daily: [22, 58], log: [58], heads: [],
    },
    {
      name: "Amara Nwosu", folder: "People", lang: "en",
      fm: {
        tier: "intimate", last_touch: at(-27), met: at(-600), how_we_met: "Volunteering at the food bank",
        interests: ["community organising", "Afrobeat"],
        commitments: [`Send her the grant application template 📅 ${at(25)}`],
      },
      know: ["Coordinates the volunteers at the food bank on Saturdays.", "Studying part-time for a master's in public health."],
      common: ["Saturday shifts at the food bank."],
      topics: ["talked about the winter appeal", "she passed her first exam"],
      daily: [], log: [], heads: [],
    },
    {
      name: "Sofia Rossi", folder: "People", lang: "en",
      fm: {
        tier: "intimate", last_touch: at(20), met: at(-1400), interests: ["opera", "languages"],
        commitments: ["Find the name of that little restaurant in Bologna"],
      },
      know: ["Translator, Italian and Portuguese into English.", "Sings in a community choir."],
      common: ["We met on a language exchange and kept going."],
      topics: ["she has a choir concert next month", "talked about a tricky translation"],
      daily: [15, 50], log: [50], heads: [],
    },
    {
      name: "Omar Haddad", folder: "People", lang: "en",
      fm: {
        tier: "intimate", company: "Northwind Labs", role: "Recruiter", met: at(-700),
        commitments: "Send him the referral for Priya's friend",
        interests: ["football", "coffee roasting"],
      },
      know: ["Roasts his own coffee beans and will tell you about it.", "Supports a football club that never wins."],
      common: ["Same office floor for three years."],
      topics: ["he brought beans from his latest roast", "talked about the hiring plan"],
      daily: [], log: [], heads: [],
    },
    {
      name: "Hannah Cohen", folder: "People", lang: "en",
      fm: {
        tier: "intimate", last_touch: at(-41), met: at(-2500), birthday: birthday(130, 31),
        interests: ["swimming", "klezmer"],
        commitments: [`Help her move boxes to the new flat 📅 ${at(3)}`],
      },
      know: ["Paediatric nurse, works night shifts most weeks.", "Moving across town at the end of the month."],
      common: ["Grew up on the same street."],
      topics: ["she found a flat near the hospital", "went swimming at the lido together"],
      daily: [41, 88], log: [], heads: [150],
    },
    {
      name: "Mateo García", folder: "People", lang: "en",
      fm: {
        tier: "intimate", met: at(-450), birthday: birthday(6),
        how_we_met: "Co-organised the neighbourhood repair café", interests: ["bike repair", "salsa"],
      },
      know: ["Fixes bikes for free at the repair café.", "Learning to dance salsa with his partner."],
      common: ["The repair café, first Saturday of every month."],
      topics: ["planned the next repair café", "he fixed my back wheel"],
      daily: [24], log: [], heads: [],
    },

    // ── familiar (default cadence 90 days) ────────────────────────────────────────────────
    {
      name: "Elif Demir", folder: "People", lang: "en",
      raw: [
        "tier: familiar",
        'how_we_met: "the pottery course at the community centre',
        "interests:",
        "  - ceramics",
        "  - Turkish cooking",
      ].join("\n"),
      know: ["Makes beautiful bowls and gives them away.", "Works as an architect in a small studio."],
      common: ["We sat next to each other on the pottery course."],
      topics: ["she gave me a bowl with a blue glaze", "talked about her studio's new project"],
      daily: [], log: [], heads: [63],
    },
    {
      name: "Jonas Berg", folder: "People", lang: "en",
      fm: { tier: "familiar", last_touch: "sometime in spring", role: "Design lead", company: "Fjord Studio", interests: ["sailing"] },
      know: ["Looking for a product designer for his team.", "Sails a tiny boat badly, by his own account."],
      common: ["Conference friends."],
      topics: ["he asked if I know any good designers", "talked about his sailing trip"],
      daily: [44, 103], log: [], heads: [],
    },
    {
      name: "陈静", folder: "People", lang: "en",
      fm: { tier: "familiar", aliases: ["Chen Jing"], company: "Lantern Books", role: "Editor" },
      know: ["Editor at a small publishing house; Lena's friend from university."],
      common: ["Both like short story collections."],
      topics: [],
      daily: [], log: [], heads: [],
    },
    {
      name: "Aisha Khan", folder: "People", lang: "en",
      fm: { tier: "familiar", cadence: "often", met: at(-800), interests: ["cricket", "data visualisation"] },
      know: ["Data journalist at a regional newspaper.", "Plays cricket in a mixed league."],
      common: ["We met at a data visualisation meetup."],
      topics: ["she shared her latest chart about bus routes", "talked about the election coverage"],
      daily: [33], log: [], heads: [],
    },
    {
      name: "Lucas Martin", folder: "People", lang: "en",
      fm: { tier: "Familiar", last_touch: at(-96), met: at(-800), how_we_met: "Exchange semester in Lyon", interests: ["rugby", "wine"] },
      know: ["Still lives in Lyon, works for a wine importer."],
      common: ["The exchange semester, and the terrible student flat."],
      topics: ["long catch-up call about Lyon and his new job"],
      daily: [], log: [], heads: [96],
    },
    {
      name: "Noor Al-Sayed", folder: "Contacts", lang: "en",
      fm: { type: "person", tier: "familiar", company: "Harbour Partners", role: "Partnerships lead", met: at(-300) },
      know: ["Runs partnerships at Harbour; direct and kind."],
      common: ["Both started our careers in logistics."],
      topics: ["talked about the pilot with Harbour"],
      daily: [], log: [], heads: [],
    },
    {
      name: "Ingrid Johansen", folder: "Contacts", lang: "en",
      fm: { tags: ["person"], tier: "familiar", met: at(-700), interests: ["knitting", "cross-country skiing"] },
      know: ["Retired teacher who knits hats for the whole neighbourhood."],
      common: ["She lived below us for five years."],
      topics: ["she showed me photos of the snow at her cabin"],
      daily: [112], log: [], heads: [],
    },
    {
      name: "Rafael Souza", folder: "Contacts", lang: "en",
      fm: { tags: ["person"], tier: "familiar", met: at(-100), how_we_met: "At Ana and Pedro's wedding in Lisbon", interests: ["surfing", "architecture"] },
      know: ["Architect in Porto; surfs before work."],
      common: ["Both ended up at the wrong table at the wedding."],
      topics: [],
      daily: [], log: [], heads: [],
    },
    {
      name: "Yuki Tanaka", folder: "People", lang: "en",
      fm: { tier: "familiar", cadence: "3m", met: at(-1000), interests: ["illustration", "tea"] },
      know: ["Illustrator; drew the cover for a friend's zine."],
      common: ["We both keep sketchbooks."],
      topics: ["she showed me her sketchbook from Kyoto", "talked about a commission"],
      daily: [50], log: [50], heads: [],
    },
    {
      name: "张伟", folder: "People", lang: "en",
      fm: { aliases: ["Zhang Wei"], tier: "familiar", company: "Northwind Labs", role: "Data engineer", met: at(-500) },
      know: ["Joined the data team last year from Chengdu.", "Knows every hot-pot place in town."],
      common: ["Spicy food, and complaining about flaky pipelines."],
      topics: ["talked about the pipeline migration"],
      daily: [], log: [], heads: [],
    },

    // ── unfamiliar (no cadence) ───────────────────────────────────────────────────────────
    {
      name: "Grace Mensah", folder: "People", lang: "en",
      fm: { tier: "unfamiliar", tier_goal: "familiar", met: at(-20), how_we_met: "Open data meetup", interests: ["civic tech"] },
      know: ["Builds tools for the city council's open data portal."],
      common: ["Both want the bus timetables to be public."],
      topics: ["she offered to show me the council's data portal", "talked about civic tech"],
      daily: [20], log: [], heads: [],
    },
    {
      name: "Pierre Dubois", folder: "People", lang: "en",
      fm: { tier: "unfamiliar", company: "Atelier Dubois", role: "Translator" },
      know: ["Sofia passed on his name for French translations."],
      common: [],
      topics: [],
      daily: [], log: [], heads: [],
    },
    {
      name: "Olga Petrova", folder: "People", lang: "en",
      fm: { tier: "unfamiliar", company: "Riverside Library", role: "Librarian" },
      know: ["Runs the Tuesday reading group at the library."],
      common: ["Short stories."],
      topics: ["she recommended a Chekhov collection"],
      daily: [65], log: [], heads: [],
    },
    {
      name: "刘洋", folder: "People", lang: "en",
      fm: { tier: "unfamiliar", aliases: ["Liu Yang"], interests: ["astronomy"] },
      know: ["Li Qiang's cousin, studying astrophysics here."],
      common: ["Both stayed up for the meteor shower."],
      topics: ["he explained how to find Andromeda"],
      daily: [36], log: [], heads: [],
    },

    // ── not tracked (no tier) and one unknown tier ───────────────────────────────────────
    {
      name: "Marcus Webb", folder: "People", lang: "en",
      fm: { company: "Webb & Daughters", role: "Plumber" },
      know: ["Fixed the boiler twice; answers the phone on Sundays."],
      common: [],
      topics: ["he came round to look at the boiler"],
      daily: [7], log: [], heads: [],
    },
    {
      name: "Fatima Zahra", folder: "People", lang: "en",
      fm: { last_touch: at(-30), interests: ["calligraphy"] },
      know: ["Runs the calligraphy stall at the Sunday market."],
      common: [],
      topics: [],
      daily: [], log: [], heads: [],
    },
    {
      name: "Sean O'Brien", folder: "People", lang: "en",
      fm: { company: "Northwind Labs", role: "Finance" },
      know: ["Approves the travel budget; likes a clear spreadsheet."],
      common: [],
      topics: [],
      daily: [], log: [], heads: [],
    },
    {
      name: "Chloe Bennett", folder: "People", lang: "en",
      fm: { tier: "bestie", met: at(-5000), interests: ["theatre", "crosswords"] },
      know: ["Friends since we were seven; now a stage manager in Bristol."],
      common: ["Everything, more or less."],
      topics: ["two-hour call about nothing in particular", "she sent me tickets for her new show"],
      daily: [10, 61], log: [], heads: [61],
    },
  ];
}

// Meetings: dated notes (a `date` property), so attendees and links count as touches on that day.
export const MEETINGS = [
  { ago: 6, topic: "Roadmap review", attendees: ["Daniel Okafor", "Sean O'Brien"],
    lines: ["[[Daniel Okafor]] wants to cut the reporting work and do the export first.", "[[Sean O'Brien]] is fine with the budget if we drop the second contractor.", "- [ ] write up the trade-offs for the team"] },
  { ago: 11, topic: "Hiring sync", attendees: ["Omar Haddad", "Daniel Okafor"],
    lines: ["[[Omar Haddad]] has four candidates for the backend role; two look strong.", "- Agreed to do paired interviews from next week", "- [x] shared the interview rubric with [[Omar Haddad]]"] },
  { ago: 24, topic: "Repair café planning", attendees: ["Mateo García"],
    lines: ["[[Mateo García]] can bring the tool kit and the spare inner tubes.", "We need a second table for electronics."] },
  { ago: 60, topic: "Harbour pilot", attendees: ["Noor Al-Sayed", "Omar Haddad"],
    lines: ["[[Noor Al-Sayed]] walked through the pilot scope: two depots, six weeks.", "Open question: who owns the data once the pilot ends?"] },
  { ago: 80, topic: "Quarterly retro", attendees: ["张伟", "Daniel Okafor", "Sean O'Brien"],
    lines: ["[[张伟]] showed how many nightly jobs failed this quarter, and why.", "- Keep: the on-call handbook", "- Change: fewer meetings on Mondays"] },
  { ago: 99, topic: "Design critique", attendees: ["Yuki Tanaka", "Jonas Berg", "Priya Raman"],
    lines: ["[[Yuki Tanaka]] brought sketches for the onboarding illustrations.", "[[Jonas Berg]] and [[Priya Raman]] argued, kindly, about empty states."] },
];

// Mentions that do NOT count as touches, placed on purpose (some on people who are due, to show the rule).
export const NON_TOUCHES = [
  { ago: 0, lang: "en", block: "- [ ] reply to [[Pierre Dubois]] about the translation quote" },
  { ago: 1, lang: "zh", block: "- [ ] 约[[陈静]]周末喝咖啡" },
  { ago: 2, lang: "en", block: "- [ ] call [[Hannah Cohen]] about the moving date" },
  { ago: 4, lang: "en", block: "Keeping his note in view so I remember to ask about the workshop:\n\n![[Kenji Watanabe]]" },
  { ago: 5, lang: "en", block: "> [[Tomás Herrera]] once said the best meals are the ones where nobody checks the time." },
  { ago: 8, lang: "en", block: "Draft, not sent yet:\n\n```text\nHi [[Lucas Martin]], it has been far too long. Still in Lyon?\n```" },
  { ago: 26, lang: "en", block: "- [ ] plan the autumn reunion\n  - ask [[Maya Lindqvist]] which weekends work" },
  { ago: 57, lang: "en", block: "> [[Rafael Souza]] said Porto is at its best in November. I should check." },
];

export const FILLER = {
  en: [
    "Slow start. Rain all morning, so I read on the sofa until ten.",
    "Ran 6 km along the canal; legs heavy but the light was lovely.",
    "Spent most of the day untangling the billing bug. Found it just before dinner.",
    "Made a big pot of lentil soup for the week.",
    "Couldn't focus in the afternoon, went for a walk instead and felt better.",
    "Cleared out the hallway cupboard. Three umbrellas, none of them working.",
    "Good planning session at work; the next quarter feels less scary now.",
    "Tried the new bakery on the corner. The cardamom buns are worth the queue.",
    "Quiet evening, finished the second half of the novel.",
    "Fixed the wobbly shelf at last.",
    "Too many meetings today. Blocked tomorrow morning for deep work.",
    "Cycled to the office for the first time in weeks.",
    "Watered the balcony plants; the basil is finally recovering.",
    "Read about how bees choose a new home. Oddly calming.",
    "Wrote three pages of the essay, deleted two of them.",
    "Long lunch outside, the first warm day in a while.",
    "Paid the bills and sorted the receipts. Dull but done.",
    "Started learning a new song on the guitar.",
    "Early night. Tired in a good way.",
    "Went to the farmers' market and bought far too many apples.",
  ],
  zh: [
    "早上下雨，在家看了一会儿书。",
    "下班后去河边跑了五公里，天气正好。",
    "今天工作效率不高，下午出去散了个步。",
    "做了一锅番茄牛腩，够吃好几天。",
    "把书架重新整理了一遍。",
    "晚上早点睡，明天还要早起。",
    "试着用毛笔写了几个字，还差得远。",
    "周末的菜市场人很多，买了一袋橘子。",
  ],
};

export const TEMPLATES = {
  en: {
    para: ["Coffee with {n}: {t}.", "Long phone call with {n}; {t}.", "Bumped into {n} near the station, {t}.", "Walked by the river with {n}, {t}."],
    item: ["- Caught up with {n}: {t}", "- Messaged {n}, {t}", "- Video call with {n}: {t}"],
    done: ["- [x] sent {n} {x}", "- [x] wished {n} luck and sent {x}"],
    things: ["the article we talked about", "a photo from the weekend", "my notes from the workshop", "the link to that podcast"],
  },
  zh: {
    para: ["和{n}一起吃了午饭，{t}。", "给{n}打了个电话，{t}。", "晚上和{n}视频聊天，{t}。"],
    item: ["- 和{n}喝咖啡：{t}", "- 给{n}发了消息，{t}"],
    done: ["- [x] 把{x}发给了{n}"],
    things: ["上次说的那篇文章", "周末拍的照片", "一本电子书"],
  },
};

export const CHORES = {
  en: ["- [ ] renew the library books", "- [ ] book the dentist", "- [x] take the recycling out", "- [ ] order new running shoes", "- [x] pay the rent"],
  zh: ["- [ ] 交水电费", "- [x] 去邮局寄包裹", "- [ ] 预约体检"],
};
