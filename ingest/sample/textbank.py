"""The sample source's text bank: base post texts for fictional companies, by audience and theme.

Each entry is ``(theme, template)``; templates use ``{placeholders}`` that `compose.py` fills per
company and per post (names, handles, products, roles, links, hashtags...). Owned texts carry the
objective they were written for (marketing = aimed at clients, recruiting = aimed at candidates,
other = support / investor / greetings). Earned texts are the public's voice: customers and
candidates. A few entries per objective are in German, Spanish and French.

Nothing here is copied from a real post; every company, customer and event name is invented.
"""

from __future__ import annotations

Entry = tuple[str, str]  # (theme, template)

THEMES: tuple[str, ...] = (
    "jobs", "culture", "expertise", "product", "event", "news", "support", "community",
)

# --- owned: aimed at clients -------------------------------------------------------------------
MARKETING_EN: list[Entry] = [
    ("product", "Meet {product}: {feature} without the spreadsheet gymnastics. Live today for every plan. {url} {tag}"),
    ("product", "New in {product}: {feature}. Teams in the beta cut their weekly reporting time by {pct}%. {url}"),
    ("product", "{product} now connects to {n} more data sources, including the ones your ops team keeps asking about. {url}"),
    ("product", "We rebuilt {feature} from the ground up. Faster, clearer, and it finally works on your phone. {url} {tag}"),
    ("product", "Launch day! {product2} is out of preview. Thank you to the {n2} teams who broke it for us first. {url}"),
    ("product", "Pricing update: {product} Starter now includes {feature} at no extra cost. Details: {url}"),
    ("product", "Small release, big quality-of-life win: {feature} is now {pct}% faster in {product}. {url}"),
    ("product", "If your {topic} still lives in five tools, {product} was built for you. See it in 2 minutes: {url}"),
    ("product", "Book a 20-minute demo of {product} and bring your messiest {topic} question. {url} {tag}"),
    ("product", "Release notes for {month}: {feature}, better exports, and {n} bug fixes you reported. {url}"),
    ("product", "{product} + {product2}: one login, one bill, one view of your {topic}. Now generally available. {url}"),
    ("product", "Dark mode has landed in {product}. You asked, {n2} times. {url}"),
    ("product", "A free 30-day trial of {product}, no credit card, no sales call unless you want one. {url} {tag}"),
    ("product", "What's new this quarter in {product}: {feature}, audit logs, and SSO for every tier. {url}"),
    ("product", "Our API now returns {topic} in real time. Docs and examples: {url}"),
    ("expertise", "New report: the {year} State of {topic}. {pct}% of teams say their biggest gap is trust in the numbers. Download: {url}"),
    ("expertise", "How {customer} reduced {metric} by {pct}% in one quarter, a customer story: {url} {tag}"),
    ("expertise", "White paper: a practical guide to {topic} for mid-size teams. No fluff, {n} checklists. {url}"),
    ("expertise", "Three mistakes we see in almost every {topic} rollout, and how to avoid them: {url}"),
    ("expertise", "Our head of research on why {topic} budgets are shifting in {year}: {url}"),
    ("expertise", "Benchmark time: we compared {n2} {topic} setups. The winners had one thing in common. {url}"),
    ("expertise", "Case study: {customer} went from monthly to daily {topic} in {n} weeks with {product}. {url}"),
    ("expertise", "A short guide to measuring {metric} without fooling yourself. {url} {tag}"),
    ("expertise", "The {topic} playbook we wish we had five years ago. Free ebook: {url}"),
    ("expertise", "Trends we are watching in {topic}: automation, consolidation, and the return of boring reliability. {url}"),
    ("expertise", "Customer story: how the {customer} team runs {topic} with just {n} people. {url}"),
    ("expertise", "Is your {metric} really improving? A quick self-assessment for {topic} leaders: {url}"),
    ("expertise", "From our blog: what {n2} customer interviews taught us about {topic}. {url}"),
    ("expertise", "Insights from {customer}: {pct}% fewer escalations after they standardised {topic}. {url} {tag}"),
    ("expertise", "Research note: the hidden cost of manual {topic} is about {hours} hours per analyst per month. {url}"),
    ("event", "Join our webinar on {day}: {topic} in practice, with live Q&A from the {product} team. Register: {url}"),
    ("event", "We're at {event} in {city} this week. Come find us at booth {n2} for a live demo of {product}. {tag}"),
    ("event", "Missed the webinar? The recording of \"{topic} without the chaos\" is now online: {url}"),
    ("event", "Speaking at {event}: our CTO on scaling {topic} for {customer}-sized teams. {day}, main stage. {url}"),
    ("event", "Roundtable for {topic} leaders in {city} on {day}. Small group, good coffee, no slides. {url}"),
    ("event", "Only {n} seats left for our {city} customer workshop on {product}. {url} {tag}"),
    ("event", "Thanks to everyone who stopped by our booth at {event}! Slides from the talk: {url}"),
    ("event", "Save the date: {short} Connect, our user conference, comes to {city} in {month}. {url}"),
    ("event", "Live demo {day} at 5pm CET: building a {topic} dashboard in {product} in 15 minutes. {url}"),
    ("event", "Our partner summit with {customer} kicks off {day}. Follow along with {tag}."),
    ("news", "We're proud to announce a partnership with {customer} to bring {product} to their {n2} clients. {url}"),
    ("news", "{name} named a leader in the {year} {topic} vendor landscape. Read the full report: {url}"),
    ("news", "Press release: {name} expands to {city} to serve customers across the region. {url}"),
    ("news", "{product} is now SOC 2 Type II certified. Security details for your procurement team: {url}"),
    ("news", "Big news: {name} joins the {customer} marketplace. Buy {product} with your existing contract. {url}"),
    ("news", "Announcing our integration partnership with {customer}. {feature} now works out of the box. {url} {tag}"),
    ("community", "What's the one {topic} report you dread building every week? Asking for our roadmap."),
    ("community", "Poll for the {topic} folks: do you trust your dashboards? Reply and tell us why (or why not)."),
    ("community", "Our customer community just passed {big} members. Come swap {topic} tips: {url}"),
    ("community", "Shout-out to {customer} for sharing their {topic} setup with the community this week. {tag}"),
    ("community", "Friday question: what's the weirdest {topic} request you got this week?"),
    ("community", "The {product} user group meets in {city} on {day}. Pizza, demos, and honest feedback welcome. {url}"),
    ("culture", "Sustainability update: our data centres now run on {pct}% renewable energy. Full report: {url}"),
    ("culture", "We believe {topic} should be boring in the best way: reliable, explainable, on time. That's the {short} promise."),
    ("product", "Tired of chasing {metric} across tabs? {product} puts it on one screen. {url}"),
    ("product", "{customer} switched to {product} last spring. Their {metric} hasn't looked back. {url} {tag}"),
    ("product", "Templates are here: {n} ready-made {topic} dashboards in {product}, free for every customer. {url}"),
    ("product", "Your {topic} data, your cloud: {product} now supports bring-your-own-storage. {url}"),
    ("expertise", "Checklist: {n} questions to ask before you buy any {topic} tool (including ours). {url}"),
    ("expertise", "We analysed {big} anonymised {topic} workflows. The median team loses {hours} hours a week to rework. {url}"),
    ("event", "Heading to {event}? Book a meeting with our solutions team before the slots are gone: {url}"),
    ("news", "Customer milestone: {customer} has processed its {big}th order through {product}. Congratulations! {tag}"),
    ("community", "Thank you for {big} five-star reviews of {product}. We read every single one. {url}"),
    ("expertise", "Webinar recap: {n} takeaways on {topic} from our panel with {customer} and {customer2}. {url}"),
    ("product", "Spring release: faster {feature}, simpler permissions, and a cleaner {product} home screen. {url} {tag}"),
    ("expertise", "Guide: setting {metric} targets your board will actually believe. {url}"),
]

MARKETING_INTL: list[tuple[str, str, str]] = [  # (lang, theme, template)
    ("de", "product", "Neu in {product}: {feature}. Jetzt für alle Kundinnen und Kunden verfügbar. {url} {tag}"),
    ("de", "event", "Wir sind auf der {event} in {city}! Besuchen Sie uns an Stand {n2} für eine Live-Demo. {tag}"),
    ("de", "expertise", "Neuer Leitfaden: {topic} im Mittelstand, mit {n} Checklisten aus der Praxis. {url}"),
    ("de", "event", "Webinar am {day}: {topic} ohne Chaos. Jetzt kostenlos anmelden: {url}"),
    ("de", "news", "{name} eröffnet ein Büro in {city}, um Kunden in der DACH-Region näher zu sein. {url}"),
    ("de", "expertise", "Kundenstory: Wie {customer} den {metric} um {pct}% senken konnte. {url}"),
    ("es", "product", "Ya disponible: {feature} en {product}. Pruébalo gratis durante 30 días. {url} {tag}"),
    ("es", "event", "¡Nos vemos en {event} en {city}! Pasa por nuestro stand {n2} y mira {product} en vivo."),
    ("es", "expertise", "Nuevo informe: el estado de {topic} en {year}. Descárgalo aquí: {url}"),
    ("es", "expertise", "Caso de éxito: {customer} redujo su {metric} un {pct}% con {product}. {url}"),
    ("fr", "product", "Nouveauté dans {product} : {feature}, disponible dès aujourd'hui. {url} {tag}"),
    ("fr", "event", "Rejoignez notre webinaire du {day} sur {topic}, avec questions en direct. {url}"),
    ("fr", "expertise", "Livre blanc : les bonnes pratiques de {topic} pour les équipes en croissance. {url}"),
    ("fr", "news", "{name} annonce un partenariat avec {customer}. Tous les détails : {url}"),
]

# --- owned: aimed at candidates ----------------------------------------------------------------
RECRUITING_EN: list[Entry] = [
    ("jobs", "We're hiring a {role} in {city}! Help us build {product} for teams who run on {topic}. Apply: {jobs_url} {rtag}"),
    ("jobs", "Open role: {role} ({level}), hybrid in {city} or remote within the EU. {jobs_url} {rtag}"),
    ("jobs", "Our {team} team is growing. {n} open positions, from {role} to {role2}. See them all: {jobs_url}"),
    ("jobs", "Know a great {role}? We pay a referral bonus and we answer every application within {n} days. {jobs_url}"),
    ("jobs", "Join our team as {role}: real ownership, a four-day onsite per month, and a learning budget. {jobs_url} {rtag}"),
    ("jobs", "Now hiring: {role2} for our new {city} office. Salary range in the ad, always. {jobs_url}"),
    ("jobs", "Internship alert: summer {year} internships in {team} and {team2}. Paid, mentored, real projects. {jobs_url} {rtag}"),
    ("jobs", "Graduate programme applications are open! {n} tracks, {city} or remote, start in {month}. {jobs_url}"),
    ("jobs", "We're looking for a {role} who enjoys untangling {topic}. Apply by {day}: {jobs_url}"),
    ("jobs", "Career changers welcome: our {role} apprenticeship starts in {month}. No degree required. {jobs_url} {rtag}"),
    ("jobs", "Hiring in {city}: {role}, {role2} and a {team} lead. Interviews take two weeks, start to finish. {jobs_url}"),
    ("jobs", "Working student position in {team}, 20h/week, flexible around your exams. {jobs_url}"),
    ("jobs", "Senior {role} wanted. You'll own {product} end to end with a team of {n}. {jobs_url} {rtag}"),
    ("jobs", "Apply now: {role} on our {team} team. Visa sponsorship available. {jobs_url}"),
    ("jobs", "New vacancies this week: {role}, {role2}, and our first {team} manager in {city}. {jobs_url} {rtag}"),
    ("jobs", "Our interview process, fully explained: {n} steps, no whiteboard puzzles, feedback every time. {jobs_url}"),
    ("jobs", "Returnship programme: back to work after a career break? Our {team} team wants to meet you. {jobs_url}"),
    ("jobs", "We are hiring {n2} engineers this year. Start with the role that fits you: {jobs_url} {rtag}"),
    ("culture", "A day in the life of {person}, {role} on our {team} team: stand-up, deep work, and a lot of coffee. {rtag}"),
    ("culture", "Employee spotlight: {person} joined as an intern {n} years ago and now leads {team}. Their story: {jobs_url}"),
    ("culture", "Life at {short}: our {city} office hack week shipped {n} prototypes and one very questionable robot. {rtag}"),
    ("culture", "Why do people stay at {short}? We asked. Top answers: the team, the autonomy, the lunch. {rtag}"),
    ("culture", "Meet the team: {person} from {team} on mentoring, mistakes, and what they'd tell their first-year self. {jobs_url}"),
    ("culture", "Our values aren't posters. Here's how we actually make decisions at {short}: {jobs_url} {rtag}"),
    ("culture", "{pct}% of our managers were promoted from within. Growth is a habit here. {rtag}"),
    ("culture", "Team offsite in {city}: strategy in the morning, kayaks in the afternoon. {rtag}"),
    ("culture", "Celebrating {n} years of {short} with the colleagues who built it. Thank you, team. {rtag}"),
    ("culture", "Benefits update: {n} weeks of paid parental leave for every parent, from day one. {jobs_url} {rtag}"),
    ("culture", "New this year: a {big} euro learning budget for every employee and {n} learning days. {rtag}"),
    ("culture", "Flexible hours, remote-first, and an office in {city} when you want one. That's how we work. {jobs_url}"),
    ("culture", "Our employee resource groups hosted {n} events this quarter. Proud of this community. {rtag}"),
    ("culture", "Mental health days are company-wide at {short}: everyone offline on the same Friday. {rtag}"),
    ("culture", "Pride month at {short}: our colleagues share what belonging means to them. {rtag}"),
    ("culture", "Inside our {team} team: how {n} people ship {product} every week without burning out. {jobs_url}"),
    ("culture", "Onboarding at {short}: a buddy, a 30-60-90 plan, and your first release in week one. {rtag}"),
    ("culture", "{person} on switching from {role2} to {role} internally, with our mentoring programme. {rtag}"),
    ("event", "Meet us at the {city} career fair on {day}! Bring your CV and your questions. {rtag}"),
    ("event", "Students: we're at the {city} university job fair this week. Booth {n2}, ask about internships. {rtag}"),
    ("event", "Join our virtual open house on {day}: meet the {team} team and hear about our open roles. {jobs_url}"),
    ("event", "Women in Tech evening at our {city} office on {day}. Talks, networking, and job chats. {jobs_url} {rtag}"),
    ("event", "Campus tour week: we visit {n} universities to talk {topic} careers. Schedule: {jobs_url}"),
    ("event", "Recruiting meetup in {city} on {day}: pizza, lightning talks and informal interviews. {rtag}"),
    ("event", "Our engineers host a career Q&A live on {day}. Ask anything about working at {short}. {jobs_url}"),
    ("event", "Hackathon for students in {city}: {n} teams, {hours} hours, internships for the winners. {rtag}"),
    ("news", "{name} has been certified a Great Place to Work for the {n}th year in a row. {rtag}"),
    ("news", "Honoured to be named one of the best employers in {city} for {year}. Thank you to our people. {rtag}"),
    ("news", "We've just opened our new {city} hub, with {n2} roles to fill over the next year. {jobs_url}"),
    ("news", "Workplace award: {name} ranked top {n} for career growth in the {year} employer survey. {rtag}"),
    ("news", "Our {year} diversity report is out: where we improved, and where we didn't. {jobs_url}"),
    ("community", "Congratulations to our {n2} interns who graduated this summer, and welcome to the {n} who stayed on! {rtag}"),
    ("community", "Our mentoring programme for junior {role}s is open to people outside {short} too. Sign up: {jobs_url}"),
    ("community", "Proud of the {team} team volunteering at the {city} code club this weekend. {rtag}"),
    ("jobs", "Remote {role} wanted, any time zone within ±3h of CET. Compensation band in the posting. {jobs_url} {rtag}"),
    ("jobs", "Last call for applications: {role} in {city}, closing {day}. {jobs_url}"),
    ("jobs", "We hire for curiosity. {n} open roles on {team}; no perfect CV needed. {jobs_url} {rtag}"),
    ("culture", "What our {team} interns built this summer: {n} features now in production. {rtag}"),
    ("culture", "{person} shares what a typical week looks like as a {role} at {short}: {jobs_url}"),
    ("jobs", "Looking for your first {role} job? Our junior programme starts in {month}. Apply: {jobs_url} {rtag}"),
    ("culture", "Four-day work week pilot: after {n} months, {pct}% of the team wants to keep it. {rtag}"),
    ("event", "Thank you {city}! {big} students visited our stand at the career fair. Applications are open: {jobs_url}"),
    ("jobs", "Part-time {role} role, 24 hours a week, same benefits as full-time. {jobs_url} {rtag}"),
    ("culture", "Employee spotlight: {person} runs our {team} guild and organises the monthly demo day. {rtag}"),
    ("jobs", "Engineering manager, {team}: lead {n} kind, curious people in {city}. {jobs_url}"),
    ("culture", "Salary transparency at {short}: every band is public inside the company, and now in our job ads. {jobs_url} {rtag}"),
    ("jobs", "Join {short} as a {role}: help {n2} customers make sense of their {topic}. {jobs_url} {rtag}"),
]

RECRUITING_INTL: list[tuple[str, str, str]] = [
    ("de", "jobs", "Wir suchen Verstärkung: {role} (m/w/d) in {city} oder remote. Jetzt bewerben: {jobs_url} {rtag}"),
    ("de", "jobs", "Werkstudent*in im Bereich {team} gesucht, 20 Std./Woche. {jobs_url}"),
    ("de", "culture", "Ein Tag im Leben von {person}, {role} bei {short}: Teamarbeit, Verantwortung und viel Kaffee. {rtag}"),
    ("de", "event", "Triff uns auf der Karrieremesse in {city} am {day}! {rtag}"),
    ("de", "jobs", "Ausbildung und duales Studium ab {month}: jetzt bei {short} bewerben. {jobs_url}"),
    ("de", "news", "{name} ist erneut als Top-Arbeitgeber ausgezeichnet worden. Danke an unser Team! {rtag}"),
    ("es", "jobs", "¡Estamos contratando! Buscamos {role} en {city}. Postúlate aquí: {jobs_url} {rtag}"),
    ("es", "culture", "Así es un día en {short}: {person} nos cuenta su experiencia en el equipo de {team}. {rtag}"),
    ("es", "event", "Estaremos en la feria de empleo de {city} el {day}. ¡Ven a conocernos! {rtag}"),
    ("es", "jobs", "Prácticas remuneradas en {team} para {year}. Más información: {jobs_url}"),
    ("fr", "jobs", "Nous recrutons un·e {role} à {city}. Postulez ici : {jobs_url} {rtag}"),
    ("fr", "culture", "Portrait : {person}, {role} chez {short}, nous parle de son parcours. {rtag}"),
    ("fr", "event", "Retrouvez-nous au salon de l'emploi de {city} le {day} ! {rtag}"),
    ("fr", "jobs", "Stage de fin d'études en {team} : rejoignez-nous en {month}. {jobs_url}"),
]

# --- owned: neither (support, investors, greetings) ---------------------------------------------
OTHER_EN: list[Entry] = [
    ("support", "Sorry about that! Could you DM us your account email so we can take a closer look?"),
    ("support", "Thanks for reaching out. This is a known issue with {feature}; a fix is rolling out today."),
    ("support", "Hi there, we're on it. Please DM us the workspace name and we'll follow up within the hour."),
    ("support", "Service notice: some users may see delays loading {feature}. We're investigating and will update here."),
    ("support", "Resolved: the outage affecting {product} exports between {n}:00 and {n2}:30 UTC is fixed. Sorry for the disruption."),
    ("support", "Scheduled maintenance on {day} from 02:00 to 04:00 UTC. {product} will be read-only during that time."),
    ("support", "Glad to hear it's working again! Let us know if anything else comes up."),
    ("support", "That sounds frustrating, and we want to fix it. Our support team has opened a ticket for you."),
    ("support", "Good catch, thank you! Forwarded to the {team} team; we'll report back here."),
    ("support", "Status update: all {product} systems are operational again. Post-incident review to follow: {url}"),
    ("news", "{name} reports Q{n} results: revenue up {pct}% year on year. Investor materials: {url}"),
    ("news", "Join our investor call on {day} at 3pm CET. Webcast and slides: {url}"),
    ("news", "Our annual shareholder letter is now available: {url}"),
    ("news", "{name} completes its acquisition of {customer}. Welcome to the team!"),
    ("news", "Leadership news: {person} joins {name} as Chief Financial Officer. {url}"),
    ("community", "Happy holidays from all of us at {short}! See you in the new year."),
    ("community", "Happy Friday, everyone. What are you reading this weekend?"),
    ("community", "Thank you for {n} amazing years. Here's to the next chapter!"),
    ("community", "Good morning {city}! Sunny day at the office."),
    ("community", "Congrats to our friends at {customer} on the big launch today!"),
    ("community", "We'll be closed for the public holiday on {day}. Happy long weekend!"),
    ("event", "Our offices will be closed on {day}. Support remains available by email."),
]

OTHER_INTL: list[tuple[str, str, str]] = [
    ("de", "support", "Das tut uns leid! Schreib uns bitte eine DM mit deiner E-Mail-Adresse, dann schauen wir uns das an."),
    ("de", "community", "Frohe Feiertage vom ganzen {short}-Team!"),
    ("es", "support", "¡Lo sentimos! Escríbenos por DM y lo revisamos enseguida."),
    ("fr", "support", "Désolés pour ce souci ! Envoyez-nous un DM et nous regardons cela tout de suite."),
]

# --- earned: customers, candidates, the public -------------------------------------------------
CUSTOMER_VOICE_EN: list[Entry] = [
    ("product", "Been using {mention} for {n} months now and our weekly {topic} report takes 20 minutes instead of a day."),
    ("product", "Honest review of {mention}: great {feature}, pricing gets steep once you pass {n2} seats."),
    ("support", "{mention} your {feature} has been broken since this morning. Anyone else seeing this?"),
    ("support", "Third support ticket this month with {mention} and still no answer. Not great."),
    ("product", "Switched from {other} to {mention} last quarter. Onboarding was smoother, reporting is better, the API is worse."),
    ("product", "Comparing {mention} and {other} for {topic}. Anyone have real experience with both?"),
    ("support", "Shout-out to the support team at {mention}, fixed our export problem in under an hour."),
    ("product", "{mention} just shipped {feature} and it's exactly what we needed. Nice work."),
    ("product", "Is it just me or did {mention} get noticeably slower after the last update?"),
    ("product", "We evaluated {mention} vs {other}. Went with {mention} because of the {feature}."),
    ("event", "Great talk by {mention} at {event} today about {topic}. Lots to think about."),
    ("product", "The new {mention} dashboard is gorgeous but I can't find the export button anymore."),
    ("support", "{mention} billing charged us twice this month. DM sent, waiting..."),
    ("product", "Hot take: {mention} is the only {topic} tool our finance team actually likes."),
    ("product", "Anyone using {mention} at scale? Curious how it handles {n2}+ users."),
    ("product", "Our team moved off {mention} this year. Nothing dramatic, it just didn't fit our {topic} workflow."),
    ("news", "Interesting: {mention} is partnering with {customer}. Could be big for {topic}."),
    ("product", "Trial of {mention} ends tomorrow. Verdict so far: solid, a bit pricey, support is fast."),
    ("support", "Outage at {mention} again? Our dashboards have been blank for two hours."),
    ("product", "{mention} vs {other} for a team of {n}? We need {feature} and sane pricing."),
    ("expertise", "Reading the new {mention} report on {topic}. The section on {metric} is spot on."),
    ("product", "Love that {mention} finally added {feature}. Took them long enough though."),
    ("community", "Anyone going to the {mention} user group in {city} next week?"),
    ("product", "Our ops lead swears by {mention}. I'm still not convinced it beats {other}."),
]

CUSTOMER_VOICE_INTL: list[tuple[str, str, str]] = [
    ("de", "product", "Nutzen seit {n} Monaten {mention}, das {feature} ist wirklich gut. Der Preis leider auch."),
    ("de", "support", "{mention} seit heute früh geht bei uns nichts mehr. Wann ist das behoben?"),
    ("es", "product", "Probando {mention} para {topic}. De momento, mucho mejor que {other}."),
    ("es", "support", "{mention} llevo tres días esperando respuesta del soporte..."),
    ("fr", "product", "On vient de passer de {other} à {mention}. Premiers retours très positifs."),
    ("fr", "support", "{mention} impossible d'exporter nos rapports depuis ce matin, c'est normal ?"),
]

CANDIDATE_VOICE_EN: list[Entry] = [
    ("jobs", "Just had my final interview with {mention} for a {role} role. The panel was kind and the questions were fair."),
    ("jobs", "Got an offer from {mention}!! Starting as a {role} in {month}."),
    ("jobs", "Applied to {mention} {n} weeks ago and heard nothing back. Is that normal for them?"),
    ("jobs", "Interviewing at {mention} vs {other} for {role}. Which one would you pick?"),
    ("jobs", "The {mention} take-home assignment took me {hours} hours. That's too much for a first round."),
    ("jobs", "Rejected by {mention} after the fourth round, but honestly the feedback was the most useful I've had."),
    ("culture", "One year at {mention} today. Best team I've worked in, and I've worked in a few."),
    ("culture", "Former {mention} employee here: great people, chaotic planning, decent pay."),
    ("jobs", "{mention} recruiter reached out about a {role} position. Anyone know what their salary bands look like?"),
    ("culture", "Leaving {mention} after {n} years. Grateful for the growth, ready for something new."),
    ("culture", "Heard {mention} is going back to five days in the office. Any employees confirm?"),
    ("jobs", "Met the {mention} folks at the {city} career fair. Very approachable, actually talked about the work."),
    ("jobs", "Interview process at {mention} was 6 rounds for a mid-level {role}. Too many?"),
    ("culture", "My internship at {mention} ends this week. Learned more in {n} months than in a year of classes."),
    ("jobs", "Salary offer from {mention} came in {pct}% below what the recruiter promised on the first call. Ugh."),
    ("culture", "Working conditions at {mention} warehouse in {city} are rough this season. Long shifts, no breaks."),
    ("jobs", "Does anyone know if {mention} sponsors visas for {role} roles?"),
    ("culture", "Props to {mention} for publishing salary ranges in every job ad."),
    ("jobs", "Ghosted by {mention} after a final round. Three weeks, no reply."),
    ("culture", "People keep asking: yes, {mention} really does have a four-day week for some teams."),
]

CANDIDATE_VOICE_INTL: list[tuple[str, str, str]] = [
    ("de", "jobs", "Vorstellungsgespräch bei {mention} heute, sehr angenehme Atmosphäre. Drückt mir die Daumen!"),
    ("de", "culture", "Arbeite jetzt ein Jahr bei {mention}. Tolles Team, faire Bezahlung."),
    ("es", "jobs", "Entrevista con {mention} para {role}. Muy buen proceso, rápido y claro."),
    ("fr", "jobs", "Entretien chez {mention} pour un poste de {role}, process long mais bienveillant."),
]

PUBLIC_VOICE_EN: list[Entry] = [
    ("news", "{mention} reportedly raising a new round at a much higher valuation. {topic} is hot again."),
    ("news", "{mention} announces layoffs in its {team} unit, sources say around {n2} roles affected."),
    ("news", "Analysts expect {mention} to beat estimates this quarter on strong {topic} demand."),
    ("news", "{mention} acquires {customer} to strengthen its {topic} offering."),
    ("community", "Fun fact: the {mention} office in {city} has the best coffee in the building."),
]

# Reddit titles for earned submissions, by theme (the body reuses the voices above).
REDDIT_CUSTOMER_TITLES: list[Entry] = [
    ("product", "Anyone using {name} for {topic}?"),
    ("product", "{name} vs {other}, honest opinions?"),
    ("support", "Experience with {name} support?"),
    ("product", "Moving off {name}, what are the alternatives?"),
    ("product", "Is {name} worth the price for a small team?"),
    ("support", "{name} outage today?"),
    ("product", "Review: six months with {name}"),
    ("product", "{name} just released {feature}, thoughts?"),
    ("expertise", "How do you run {topic} with {name}?"),
    ("support", "Problems with {name} after the last update"),
    ("event", "Anyone attending the {name} talk at {event}?"),
    ("news", "{name} news, what does it mean for customers?"),
    ("community", "{name} user group, worth going?"),
]

REDDIT_CANDIDATE_TITLES: list[Entry] = [
    ("jobs", "{name} interview experience ({role})"),
    ("jobs", "Offer from {name}, is this salary fair?"),
    ("culture", "What's it like working at {name}?"),
    ("jobs", "{name} vs {other} offer, help me decide"),
    ("jobs", "Ghosted by {name} after final round"),
    ("culture", "{name} internship, worth it?"),
    ("jobs", "{name} take-home assignment length"),
    ("culture", "Anyone here work in {name}'s {city} office?"),
    ("culture", "Left {name} after {n} years, AMA"),
    ("culture", "{name} return to office policy"),
    ("jobs", "Does {name} sponsor visas?"),
]

REDDIT_PUBLIC_TITLES: list[Entry] = [
    ("news", "{name} in the news"),
    ("news", "Thoughts on {name}'s latest announcement?"),
    ("community", "Random {name} appreciation post"),
]

REDDIT_COMMUNITY_TITLES: list[Entry] = [
    ("product", "How do I set up {feature}?"),
    ("product", "Feature request: better {feature}"),
    ("support", "Bug: {feature} not loading"),
    ("support", "Support ticket open for a week, any tips?"),
    ("product", "Tips for getting started with {product}"),
    ("community", "Show and tell: our {topic} dashboard"),
    ("product", "Question about pricing tiers"),
    ("jobs", "Anyone here interviewed with the team recently?"),
    ("culture", "Employees of {name}: how is it really?"),
    ("event", "Who is going to the user conference?"),
]

REDDIT_EXTRAS: dict[str, list[str]] = {
    "marketing": [
        "Happy to answer questions in the comments.",
        "We'd love your feedback, good and bad.",
        "The team will be around all day to reply.",
        "Full details are in the link above.",
    ],
    "recruiting": [
        "Questions about the role or the interview process? Ask below, a recruiter will answer.",
        "We reply to every application, promise.",
        "Remote and hybrid options depending on the team.",
        "Salary ranges are listed in each posting.",
    ],
    "other": [
        "Thanks for your patience.",
        "We'll keep this thread updated.",
        "",
    ],
    "earned": [
        "Curious what others think.",
        "Throwaway for obvious reasons.",
        "Any advice appreciated.",
        "Edit: thanks for all the replies!",
        "",
        "Long-time lurker, first post.",
    ],
}

# --- variable parts ---------------------------------------------------------------------------
CUSTOMERS = [
    "Alder & Finch", "Brightwater Foods", "Kestrel Health", "Lumen Rail", "Mossgrove Bank",
    "Orchard Mobility", "Pinecrest Insurance", "Redfern Retail", "Saltmarsh Energy", "Tidewell Media",
    "Umber Labs", "Vantor Logistics", "Wrenfield Pharma", "Yarrow Telecom", "Zephyr Outdoor",
    "Cobalt Ridge", "Driftwood Hotels", "Emberline Games", "Foxglove Studios", "Granite Harbor",
]
CITIES = [
    "Berlin", "Munich", "Hamburg", "Vienna", "Zurich", "Amsterdam", "Lisbon", "Madrid", "Barcelona",
    "Paris", "Lyon", "London", "Dublin", "Warsaw", "Prague", "Copenhagen", "Stockholm", "Austin",
    "Toronto", "New York",
]
PERSONS = [
    "Ana", "Ben", "Chiara", "Dev", "Elif", "Farid", "Greta", "Hannah", "Ivo", "Jana", "Kofi",
    "Lena", "Mateo", "Nora", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tomás", "Uma", "Vera",
    "Wei", "Yusuf", "Zoe",
]
LAST_NAMES = [
    "Adler", "Brandt", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hoffmann", "Ivanova",
    "Jansen", "Kowalski", "López", "Martin", "Novak", "Okafor", "Petrov", "Quinn", "Rossi",
    "Schmidt", "Tanaka", "Urban", "Vogel", "Weber", "Young", "Zimmermann",
]
EVENTS = [
    "DataOps Summit", "Ops Leaders Forum", "CloudScale Expo", "Analytics Week", "FutureWork Conference",
    "SupplyChain Live", "B2B Growth Days", "Platform Engineering Meetup", "Insight Europe",
    "TechConnect Fair",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "March 12", "April 3", "May 21", "June 18", "September 9", "October 14", "November 27"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
LEVELS = ["junior", "mid-level", "senior", "staff", "lead"]
TEAMS = ["Platform", "Data", "Customer Success", "Design", "Sales", "Finance", "Security", "Product", "Operations", "Research"]

# Industry profiles: chosen per company from words in its name (see compose.industry_of).
INDUSTRIES: dict[str, dict[str, list[str]]] = {
    "analytics": {
        "suffixes": ["Insights", "Pulse", "Studio", "Lens", "Metrics"],
        "features": ["self-serve dashboards", "anomaly alerts", "scheduled reports", "a semantic layer", "natural-language queries", "row-level security", "forecasting"],
        "topics": ["analytics", "business intelligence", "data quality", "KPI reporting", "data governance"],
        "metrics": ["time-to-insight", "report backlog", "data downtime", "dashboard load time"],
        "roles": ["Data Engineer", "Analytics Engineer", "Backend Engineer", "Product Designer", "Solutions Architect", "Data Scientist"],
        "subreddits": ["dataengineering", "analytics", "BusinessIntelligence", "datascience"],
    },
    "logistics": {
        "suffixes": ["Track", "Route", "Dock", "Fleet", "Flow"],
        "features": ["live shipment tracking", "route optimisation", "dock scheduling", "carbon reporting per load", "customs pre-clearance", "ETA predictions"],
        "topics": ["freight", "logistics", "last-mile delivery", "supply chain visibility", "warehouse operations"],
        "metrics": ["on-time delivery", "empty miles", "dwell time", "cost per shipment"],
        "roles": ["Dispatcher", "Warehouse Associate", "Truck Driver", "Logistics Planner", "Operations Manager", "Software Engineer"],
        "subreddits": ["logistics", "FreightBrokers", "supplychain", "Truckers"],
    },
    "sustainability": {
        "suffixes": ["Circle", "Cycle", "Ledger", "Trace", "Impact"],
        "features": ["scope 3 tracking", "supplier scorecards", "CSRD-ready reports", "material passports", "waste analytics"],
        "topics": ["sustainability reporting", "circular supply chains", "ESG data", "carbon accounting"],
        "metrics": ["emissions per unit", "waste to landfill", "reporting effort", "supplier coverage"],
        "roles": ["Sustainability Analyst", "Full-Stack Engineer", "Product Manager", "Customer Success Manager", "Data Analyst"],
        "subreddits": ["sustainability", "ESG", "climate", "CircularEconomy"],
    },
    "software": {
        "suffixes": ["Cloud", "Core", "Flow", "Hub", "Works"],
        "features": ["one-click deployments", "audit trails", "workflow automation", "role-based access", "usage analytics", "an open API"],
        "topics": ["IT operations", "workflow automation", "incident management", "DevOps", "internal tooling"],
        "metrics": ["mean time to recovery", "deployment frequency", "ticket backlog", "change failure rate"],
        "roles": ["Site Reliability Engineer", "Frontend Engineer", "Backend Engineer", "DevOps Engineer", "Product Manager", "QA Engineer"],
        "subreddits": ["devops", "sysadmin", "SaaS", "ExperiencedDevs"],
    },
}

CAREER_SUBREDDITS = ["cscareerquestions", "jobs", "recruitinghell", "careerguidance", "ExperiencedDevs", "cscareerquestionsEU"]
GENERIC_SUBREDDITS = ["technology", "smallbusiness", "Entrepreneur", "startups", "europe"]

# Replies from a recruiting handle to a candidate's question.
RECRUITING_REPLIES: list[Entry] = [
    ("jobs", "Thanks for your interest! Every open role is listed here: {jobs_url}"),
    ("jobs", "Yes, we sponsor visas for most engineering roles. Details on the job page: {jobs_url}"),
    ("jobs", "We reply to every application within {n} days. Hang in there, and good luck!"),
    ("jobs", "Great question! The {role} role is hybrid in {city}, remote within the EU is possible too."),
    ("culture", "So happy to hear you enjoyed the interview. Our {team} team says hi!"),
    ("event", "See you at the career fair on {day}! Come say hi at booth {n2}."),
]

# Openers and closers that make repeated base texts look less copy-pasted.
OPENERS: dict[str, list[str]] = {
    "marketing": ["", "", "", "New: ", "🚀 ", "📣 ", "Just in: ", "ICYMI: ", "👉 "],
    "recruiting": ["", "", "", "📢 ", "👋 ", "✨ ", "Hiring! ", "We're growing: "],
    "other": ["", "", "", ""],
    "earned": ["", "", "", "", "ok so ", "Honestly, ", "PSA: ", "Quick q: "],
}
CLOSERS: dict[str, list[str]] = {
    "marketing": ["", "", "", " 🎉", " 👇", " 💡"],
    "recruiting": ["", "", "", " 💙", " 🙌", " 🎓"],
    "other": ["", "", " 🙏"],
    "earned": ["", "", "", " 😅", " 🙃", " 👀", " lol", " 🤷"],
}

# Openers that only fit some themes (the rest fit any theme of their objective).
OPENER_THEMES: dict[str, tuple[str, ...]] = {
    "New: ": ("product", "expertise"),
    "🚀 ": ("product", "news"),
    "Just in: ": ("product", "news"),
    "Hiring! ": ("jobs",),
    "We're growing: ": ("jobs", "news"),
}

# Dates in the language of the post.
LOCAL_MONTHS: dict[str, list[str]] = {
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
}
LOCAL_DAYS: dict[str, list[str]] = {
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "12. März", "3. April", "18. Juni"],
    "es": ["lunes", "martes", "miércoles", "jueves", "12 de marzo", "3 de abril", "18 de junio"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "12 mars", "3 avril", "18 juin"],
}
