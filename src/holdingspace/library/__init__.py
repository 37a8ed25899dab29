"""The psychoeducation library, shipped as package data.

    topics/<id>.md       one page each: YAML front matter (id, title, summary, labels,
                         related, references) over a Markdown body; one page per label,
                         its id the label with hyphens for underscores
    references.json      the sources the pages cite as [key], by key
    crisis_lines.json    crisis lines and the emergency number for each region
    prompts.json         journaling prompts by label and by moment (before_session,
                         after_session, break, ending, general)
    starters.json        first sentences a client could use to open a subject in session

`holdingspace.library.topics` reads them; docs/library-sources.md says how they were written.
"""
