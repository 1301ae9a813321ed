/**
 * The built-in English question bank, in the same Markdown format a user's question file uses (see questions.ts):
 * `## group` headings and `- question` items, tier tags saying whom a question fits. Lighter questions suit people
 * you are getting to know; deeper ones suit people you are already close to.
 */
export const BANK_EN = `# Curiosity questions

## Their work and business

- How does money move in your line of work: who pays, and what do they get for it? #familiar #intimate #meaningful
- When a customer picks you over the alternatives, what usually tips it? #familiar #intimate #meaningful
- What does your team own, and how big a slice of the whole is that? #intimate #meaningful
- Is a new tool or technology changing how your work gets done? #familiar #intimate
- What are you working on right now? #unfamiliar #familiar
- What does a good week at work look like for you? #unfamiliar #familiar
- Someone new steps into your role: where would they most likely stumble? #intimate #meaningful
- If you could keep only one part of your job, which would it be, and why? #familiar #intimate #meaningful
- What do people outside your industry usually get wrong about it? #unfamiliar #familiar #intimate
- What is the hardest call on your desk this quarter? #intimate #meaningful

## The path that led them here

- How did you end up in this field? #unfamiliar #familiar
- What were you doing before this, and what made you switch? #familiar #intimate
- Was there someone who changed the direction of your career? #intimate #meaningful
- Which job taught you the most, even if you did not enjoy it at the time? #intimate #meaningful
- If you could talk to yourself of five years ago, what would you say? #intimate #meaningful
- What did you study, and how much of it do you still use? #unfamiliar #familiar
- Where did you grow up, and does it show in the way you work? #familiar #intimate
- Which turn in your path surprised the people around you most? #intimate #meaningful
- What did you nearly do instead? #familiar #intimate #meaningful
- What kind of work do you hope to be doing in ten years? #intimate #meaningful

## What excites them

- What is the most interesting thing you have come across lately? #unfamiliar #familiar
- What are you looking forward to this month? #unfamiliar #familiar
- Is there a project, at work or outside it, that you keep thinking about? #familiar #intimate #meaningful
- What have you changed your mind about recently? #intimate #meaningful
- What are you learning at the moment? #familiar #intimate
- Which trend in your field do you think people underrate? #familiar #intimate #meaningful
- Is there a book, talk or podcast you keep recommending? #unfamiliar #familiar #intimate
- What would you work on if money and time were no object? #intimate #meaningful
- What gave you energy this week? #familiar #intimate
- What small win from the last while are you quietly proud of? #intimate #meaningful

## How you can help

- Is there anyone you would like to meet whom I might know? #familiar #intimate #meaningful
- Which problem would you love an outside view on? #intimate #meaningful
- What kind of news or articles would be useful for you to see? #unfamiliar #familiar
- What is taking more of your time than it should? #intimate #meaningful
- Are you hiring, or looking for something yourself? #familiar #intimate
- Is there an event or community you wish you were part of? #familiar #intimate
- Who would you like to hear from more often? #intimate #meaningful
- What would make the next three months a success for you? #intimate #meaningful
- Is there a skill you are building where a pointer or two would help? #familiar #intimate #meaningful
- When I come across something for you, how do you like to get it? #unfamiliar #familiar
`;
