"""The made-up writing the demo journal is assembled from (see core/demo.py).

Placeholders: ``{T}`` the therapist (a name, "my therapist", or "you" in a letter), ``{Ts}``
the possessive, ``{day}`` a weekday, ``{when}`` a time of day, ``{topic}`` something talked about
in session. Verbs after ``{T}`` stay in forms that fit both "you" and a name.
"""

from typing import Final

THERAPIST_NAMES: Final = ("Maren", "Dr. Okafor", "Jo", "Dr. Lindqvist", "Sam", "Ruth")
WHEN: Final = ("this morning", "tonight", "on the bus home", "at lunch", "before bed", "all day")
TOPICS: Final = (
    "my dad",
    "the move",
    "work",
    "my sister",
    "the way I shut down",
    "being the responsible one",
    "that summer",
    "my friendships",
    "saying no",
    "feeling invisible at home",
)

SIGN_SENTENCES: Final[dict[str, tuple[str, ...]]] = {
    "approval": (
        "I rehearsed what I would say so {T} would think I was doing the work properly.",
        "I keep wondering whether {T} thought my homework was good enough.",
        "I wanted {T} to be proud of me for setting that boundary with {topic}.",
        "I felt like I had to be a good client today and not make a fuss.",
        "When {T} smiled at what I said about {topic}, I felt ten feet tall.",
        "I hate how much I care what {T} thinks of me.",
    ),
    "sensitivity_to_change": (
        "The session got moved and the whole week feels off balance.",
        "{T} mentioned the break {when} and my stomach dropped.",
        "Knowing there is a gap coming makes everything feel a bit shaky.",
        "It is strange how one cancelled hour can knock the whole week sideways.",
        "The room was set up differently and I could not settle for the first ten minutes.",
        "I counted the weeks until the break and felt a lump in my throat.",
    ),
    "wanting_more_contact": (
        "I wrote an email to {T} and deleted it before sending it.",
        "I wish I could just text {T} when something good happens.",
        "Fifty minutes is never enough; I wanted to ask for a longer session.",
        "I caught myself wondering what {Ts} weekends look like.",
        "I wanted to tell {T} about {topic} first, before anyone else.",
        "Part of me wishes we could just have a coffee like normal people.",
    ),
    "embarrassment": (
        "It feels a bit pathetic to care this much about my therapist.",
        "I would be mortified if {T} knew how often I think about our sessions.",
        "Why do I get so attached? It feels so needy.",
        "I told myself off {when} for being too attached.",
        "Saying any of this out loud feels impossibly embarrassing.",
    ),
    "loyalty": (
        "A friend suggested I see someone else and I felt defensive straight away.",
        "I trust {T} more than I have trusted anyone in years.",
        "I could not imagine starting over with a new therapist now.",
        "When my brother joked about therapy being a scam, I stuck up for {T}.",
        "I do not want to be referred on; I want to keep working with {T}.",
    ),
    "missing": (
        "I kept replaying what {T} said about {topic}.",
        "I found myself imagining telling {T} about my day {when}.",
        "{day} feels so far away.",
        "I missed our session more than I expected this week.",
        "I rehearsed a whole conversation with {T} in my head {when}.",
        "Counting the days until {day} again.",
    ),
    "safe_space": (
        "That room is the one place I do not have to pretend.",
        "I felt calm as soon as I sat down in the session.",
        "With {T} I can actually say what I feel without bracing for it.",
        "Therapy is the safest hour of my week.",
        "I cried in session and it felt safe, not scary.",
    ),
    "warm_feelings": (
        "I feel so grateful for {T} and the patience in the way we work.",
        "{T} remembered the name of my cat and I felt really cared for.",
        "I admire how {T} can hold hard things so gently.",
        "I felt a rush of warmth when {T} said we would figure it out together.",
        "I am really fond of {T}, in a way I find hard to describe.",
    ),
    "uncomfortable_feelings": (
        "I am scared {T} will get tired of me and give up.",
        "When {T} challenged me about {topic} I felt hurt and a bit angry.",
        "I saw another client leaving and felt a stab of jealousy.",
        "I worry {T} will decide I am too much.",
        "I was annoyed that {T} held the boundary, even though I understand why.",
    ),
    "romantic_feelings": (
        "I think I have a crush on {T} and I do not know what to do with it.",
        "I caught myself daydreaming about {T} in a romantic way.",
        "I keep having these fantasies of being with {T}, which feels confusing.",
    ),
    "interference": (
        "I could not focus at work because I kept thinking about {T}.",
        "I looked {T} up online again {when} and felt awful afterwards.",
        "I avoided talking about {topic} in session so {T} would not think less of me.",
        "Since the last session I have barely been able to think about anything else.",
        "I have been thinking about quitting therapy because the feelings are too much.",
    ),
}

NEUTRAL_SENTENCES: Final = (
    "Work was long and I was tired by four.",
    "I went for a walk by the river and it helped a little.",
    "Slept badly again.",
    "Cooked a proper dinner for once.",
    "My sister called and we talked for an hour.",
    "The weather turned and everything felt grey.",
    "I managed the gym, which I am counting as a win.",
    "Spent the evening reading on the sofa.",
    "We talked about {topic} in session, which was hard but useful.",
    "I noticed I tensed up when {topic} came up at dinner.",
    "A quiet day, nothing much to report.",
    "I finished the book I have been stuck on for weeks.",
    "I said no to an extra shift and the world did not end.",
    "Met a friend for lunch and laughed more than I expected to.",
    "The session was mostly about {topic}.",
    "Felt low in the afternoon but it lifted by the evening.",
    "I tried the breathing exercise before the meeting.",
    "Long phone call with Mum; mixed feelings afterwards.",
)

TAKEAWAY_SENTENCES: Final = (
    "{T} said that feelings are information, not instructions.",
    "What I want to remember: I can be kind to myself and still take responsibility.",
    "{T} pointed out that I apologise before I speak. Notice it, do not fight it.",
    "Takeaway: the gap between sessions is part of the work, not a sign that I am alone.",
    "{T} said I do not have to earn rest.",
    "Remember: when {topic} comes up, I can pause before I answer.",
    "We named the pattern: I go quiet when I am scared of being too much.",
    "{T} said it makes sense that I feel this way, given {topic}.",
    "The exercise for this week: write down one thing I needed each day.",
    "{T} reminded me that a break is a pause, not an ending.",
)

LETTER_OPENINGS: Final = ("Dear {name},", "{name},", "Hi {name},")
LETTER_CLOSINGS: Final = (
    "I will not send this, but I wanted to say it somewhere.",
    "Maybe one day I will read this out to you.",
    "That is all for now.",
    "Thank you, even if you never read this.",
)

WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
