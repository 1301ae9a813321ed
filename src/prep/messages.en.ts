/**
 * The built-in English message templates, each in the Markdown format a user's template file uses (see
 * messages.ts). Words in [brackets] are for the sender to fill in; `{{…}}` comes from the person's note.
 * Every message gives something or simply keeps in touch, and ends without asking for anything.
 */
export const MESSAGES_EN: readonly string[] = [
  `---
kind: fyi-interview
group: fyi
subject: Still thinking about our talk on [the topic]
logs: gave/article
---
Hi {{first_name}},

The role went another way, and that's fine. What stayed with me was our conversation about [the topic], so when I came across this I thought of you: [link].

I'm still following what {{company}} is building and rooting for it.

No reply needed. All the best,
{{my_name}}`,

  `---
kind: fyi-conference
group: fyi
subject: Back at [the conference] this year?
logs: caught-up
---
Hi {{first_name}},

It's almost a year since we met ({{how_we_met}}), and I still think about what you said on [the subject]. This year's programme is out and [a session] looks right up your street.

I'll be there [the days]. If you are too, it would be good to see you again.

Enjoy the run-up,
{{my_name}}`,

  `---
kind: fyi-old-company
group: fyi
subject: News from the old place: [the headline]
logs: gave/article
---
Hi {{first_name}},

Did this reach you yet? [the news, with a link]. It took me straight back to our days at [our old company], and you were the first person I wanted to tell.

I'd love to hear what you're up to these days, whenever it suits.

Cheers,
{{my_name}}`,

  `---
kind: fyi-interest
group: fyi
subject: For your {{interest}} reading pile
logs: gave/article
---
Hi {{first_name}},

I know how much {{interest}} matters to you, so this jumped out at me: [link].

[One line on what caught your eye.]

Have a good week,
{{my_name}}`,

  `---
kind: fyi-follow-up
group: fyi
subject: More on [the topic] from our chat
logs: gave/article
---
Hi {{first_name}},

Thanks again for the conversation ({{how_we_met}}). Afterwards I found this, which picks up right where we left off on [the topic]: [link].

Happy reading,
{{my_name}}`,

  `---
kind: intro
group: payload
subject: Someone I think you'd enjoy meeting
logs: gave/intro
---
Hi {{first_name}},

I've been talking with [the other person], who [what they do]. With your work on {{interest}}, I think the two of you would have plenty to say to each other: [why they should meet].

Would an introduction be welcome? If so, I'll connect you both by email. If the timing is wrong, no problem at all.

Best,
{{my_name}}`,

  `---
kind: article
group: payload
subject: Worth ten minutes: [the article's title]
logs: gave/article
---
Hi {{first_name}},

This made me think of you: [the article]. The part about [the point that fits them] sounds close to what you're doing with {{interest}}.

Just passing it along, nothing to do with it.

Best,
{{my_name}}`,

  `---
kind: kudos
group: payload
subject: Your [piece of work] is getting around
logs: gave/kudos
---
Hi {{first_name}},

I read [their work] and really liked it, especially [the part that stood out]. I've passed it on to [who you shared it with], because [why it helps them].

I just wanted you to know it landed.

Warmly,
{{my_name}}`,

  `---
kind: cold-outreach
group: outreach
subject: A note from a fan of [their work], with something I made
logs: gave/kudos
---
Hi {{first_name}},

I'm {{my_name}}, [one line about who you are]. I've followed your work for a while, and [what you admire] stays with me because [why it matters to you].

It got me making something of my own: [what you made, with a link]. I thought you might like to see where your ideas travelled. If you enjoy it, or feel like passing it on, that would make my day.

Either way, thank you for the work.
{{my_name}}`,

  `---
kind: thank-you
group: thanks
subject: Thank you for [what they did]
logs: gave/kudos
---
Hi {{first_name}},

Thank you for [what they did]. It made a real difference: [what changed because of it].

I'm glad to know you. Have a lovely [day or weekend],
{{my_name}}`,
];
