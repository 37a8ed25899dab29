# ruff: noqa: E501  (the patterns read best one alternative to a line)
"""Explicit patterns for current risk to self, with guards against the common false alarms.

The patterns look for the writer's own current or recent thoughts of suicide (passive wishes
not to wake up or not to exist included), plans or intent, and urges to self-harm or
self-harm done. The guards set aside figures of speech ("this commute is killing me", "I
could die of embarrassment"), another person's risk ("my friend said she wants to die"),
denials ("I'm not suicidal") and history that is clearly past and resolved ("ten years ago
I self-harmed; I'm in a good place now").

Missing risk is the worst failure, so a guard never silences a sentence that also carries
a marker of the present ("again", "tonight", "right now", "the urge").

This module needs nothing but the standard library, so the flag works without the model.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Final

_FLAGS: Final = re.IGNORECASE

_RISK: Final = re.compile(
    r"""
      \bsuicidal\b
    | \bsuicide\s+(?:thoughts?|plan|note|attempt)\b
    | \b(?:thoughts?|thinking|think)\s+(?:of|about)\s+(?:suicide|killing\s+myself|ending\s+(?:it|my\s+life|things))
    | \bkill(?:ing)?\s+myself\b
    | \b(?:end|ending|ended)\s+(?:it\s+all|my\s+(?:own\s+)?life)\b
    | \b(?:want\s+to|wanna|going\s+to|gonna|thinking\s+(?:of|about)|plan\s+to|ready\s+to|i'?ll|i\s+will|
         i\s+could|should\s+just|about)\s+(?:just\s+)?(?:end|ending)\s+(?:it|things)\b(?!\s+with)
    | \b(?:kms|unaliv\w*|hang\s+myself|tried\s+to\s+(?:hang|kill|end|overdose))\b
    | \bpoint\s+(?:in|of)\s+(?:going\s+on|living|carrying\s+on|being\s+alive|anything)\b
    | \breasons?\s+to\s+(?:stay\s+alive|live|keep\s+living)\b|\bkeeping\s+me\s+alive\b
    | \bstill\s+be\s+alive\b|\bstay(?:ing)?\s+alive\b|\bwant\s+to\s+be\s+alive\b
    | \b(?:research\w*|look\w*\s+up|googl\w*)\s+(?:\w+\s+)?(?:methods|ways\s+to\s+(?:do\s+it|die))
    | \bhow\s+easy\s+it\s+would\s+be\b
    | \b(?:hop\w*|pray\w*|wish\w*)\s+(?:\w+\s+){0,3}i\s+(?:just\s+)?(?:won'?t|wouldn'?t|don'?t|didn'?t|never)\s+wake\b
    | \b(?:not|never)\s+waking\s+up\b|\bsleep\s+forever\b|\bheart\s+(?:will|would)\s+(?:just\s+)?stop
    | \b(?:want|wanna|urge)\w*\s+to\s+(?:cut|hurt\s+myself|harm\s+myself)\b
    | \b(?:fresh|new)\s+(?:cuts|marks|burns|scars)\b|\b(?:the\s+)?(?:cuts|marks)\s+on\s+my\b
    | \bi\s+(?:cut|self[\s-]?harmed)\s+(?:last|again|this|yesterday|for\s+the\s+first|on\s+\w+day|today)
    | \bmy\s+wrists\b|\b(?:hid|hide|hiding)\s+(?:the\s+)?(?:cutting|cuts|knives|pills|blades)
    | \bnot\s+safe\s+(?:tonight|right\s+now|with\s+myself|from\s+myself|on\s+my\s+own|alone)\b
    | \b(?:can'?t|cannot|not\s+sure\s+i\s+can|don'?t\s+(?:think|know\s+if)\s+i\s+can)\s+keep\s+myself\s+safe
    | \b(?:thinking|thoughts?|think)\s+(?:a\s+lot\s+)?(?:of|about)\s+(?:dying|death|jumping|not\s+being\s+here|
         not\s+(?:wanting\s+to\s+be\s+here|existing|being\s+alive)|hurting\s+myself|walking\s+into|
         taking\s+(?:all|the|my)|driving\s+into|crashing)
    | \b(?:want|wants|wanted)\s+me\s+dead\b|\brather\s+be\s+dead\b
    | \beasier\s+(?:to\s+be\s+dead|if\s+i\s+(?:was|were)(?:n'?t|\s+not)?\s+(?:\w+\s+)?(?:dead|gone|around|here))
    | \b(?:better|fine)\s+without\s+me\b|\bwithout\s+me\s+in\s+it\b
    | \b(?:take|taking|took)\s+(?:all\s+(?:of\s+)?)?(?:the|my|extra|more|all)\s+(?:\w+\s+)?(?:pills|tablets|meds|paracetamol)
    | \b(?:pills|tablets|paracetamol)\s+(?:lined\s+up|in\s+the\s+(?:cupboard|bathroom|house|drawer))
    | \b(?:punch\w*|hit\w*)\s+(?:the\s+)?(?:walls?|my\s+head|myself)\b|\bstarv\w*\s+myself\b
    | \b(?:until|till)\s+(?:it|they|i|my\s+\w+)\s+(?:bled|bleed|bleeds|bruised|bruise|split)\b
    | \b(?:crash|drive|driving|walk|walking)\s+(?:the\s+car\s+)?(?:into|off)\s+(?:the\s+)?(?:sea|river|traffic|central|a\s+wall|a\s+tree|a\s+cliff)
    | \bedge\s+of\s+the\s+(?:platform|bridge|roof|cliff)\b|\bhit\s+by\s+a\s+(?:bus|car|train|lorry|truck)\b
    | \b(?:not\s+going\s+to|won'?t)\s+be\s+(?:here|around)\s+(?:much\s+)?(?:longer|for\s+long)\b
    | \bact\s+on\s+(?:these|the|my|those)\s+thoughts\b|\bwhat\s+i\s+might\s+do\s+to\s+myself\b|\bscared\s+of\s+myself\b
    | \bdeath\s+sounds\b|\bmy\s+(?:own\s+)?funeral\b|\bdone\s+(?:trying|with\s+(?:life|living|everything))\b
    | \btak(?:e|ing)\s+my\s+(?:own\s+)?life\b
    | \b(?:want|wanted|wanting|wanna|wish|wished|ready)\s+(?:to\s+)?(?:just\s+)?(?:die|be\s+dead)\b
    | \bwish\s+i\s+(?:was|were)\s+(?:dead|gone|never\s+born)\b
    | \bbetter\s+off\s+(?:dead|without\s+me|if\s+i\s+(?:was|were)(?:n't|\s+not)?\s+(?:here|around|gone|dead))
    | \b(?:don'?t|do\s+not|dont|no\s+longer)\s+(?:really\s+)?(?:want|wanna)\s+(?:to\s+)?(?:be\s+(?:here|alive|around)|exist|live|wake\s+up|go\s+on)\b
    | \bnot\s+(?:want|wanna)\s+(?:to\s+)?(?:be\s+(?:here|alive)|exist|live)\b
    | \b(?:and|just|to|could)\s+(?:not|never)\s+wake\s+up\b|\bnever\s+wake\s+up\b
    | \bif\s+i\s+(?:didn'?t|don'?t|never|did\s+not)\s+wake\s+up\b
    | \b(?:stop|not)\s+existing\b|\b(?:just|to)\s+not\s+exist\b|\bwouldn'?t\s+have\s+to\s+exist\b
    | \bstop\s+being\s+(?:alive|here|a\s+burden)\b|\bdisappear\w*\s+and\s+never\s+come\s+back\b
    | \b(?:how|way)\s+i\s+(?:would|could|will|might)\s+(?:do\s+it|end\s+it)\b
    | \b(?:found|saw|seen|noticed|see)\s+(?:the|my)\s+(?:cuts|marks|scars|burns)\b
    | \btired\s+of\s+(?:being\s+alive|existing|living|life)\b
    | \bno\s+(?:point|reason)\s+(?:in\s+)?(?:living|going\s+on|being\s+(?:here|alive)|to\s+live)\b
    | \b(?:don'?t|do\s+not|can'?t|cannot)\s+(?:see|find)\s+(?:the|any)\s+point\s+(?:in\s+)?(?:going\s+on|living|being\s+alive)\b
    | \bwant\s+it\s+(?:all\s+)?to\s+(?:stop|end)\s+(?:for\s+good|forever|permanently)
    | \b(?:disappear|vanish)\w*\s+(?:forever|for\s+good|permanently)
    | \b(?:car|bus|train|truck|lorry)\s+(?:would\s+)?hit\s+me\b
    | \bi\s+(?:have|had|made|'ve\s+got|'ve\s+made|'ve)\s+a\s+plan\b(?!\s+(?:for|to|with|b\b))
    | \bpicked\s+a\s+date\b
    | \b(?:how\s+many\s+(?:pills|tablets|paracetamol|sleeping\s+pills)|overdos\w*|stockpil\w*|od'd\b|od\s+on\b)
    | \bgoodbye\s+(?:letters?|notes?)\b
    | \bgiving\s+(?:my\s+|all\s+my\s+)?(?:things|stuff|belongings)\s+away\b
    | \b(?:noose|rope|ligature)\b
    | \bjump(?:ing)?\s+(?:off|from|in\s+front)\b
    | \bself[\s-]?harm\w*
    | \b(?:hurt|harm|cut|cutting|burn|burned|burnt|burning|punish)\w*\s+myself\b
    | \b(?:cut|cutting|scratch\w*|burn\w*)\s+(?:my|on\s+my)\s+(?:arms?|legs?|wrists?|thighs?|skin|stomach)\b
    | \b(?:cut|cutting)\s+again\b
    | \b(?:urge|urges|itch)\s+to\s+(?:cut|hurt|harm|burn|hit|scratch)\b
    | \b(?:the|a|my)\s+(?:blade|razor)\b
    | \brelaps\w*\s+(?:on|with|into)\s+(?:self[\s-]?harm|cutting)
    | \btill\s+(?:it|they)\s+bled\b
    | \b(?:cut|cutting|burn\w*|scratch\w*|self[\s-]?harm\w*)\s+(?:myself\s+)?again\b
    | \bdid\s+something\s+to\s+(?:my|myself)\b
    | \b(?:pick\w*|open\w*|reopen\w*)\s+(?:at\s+)?(?:the\s+|my\s+)?(?:old\s+)?(?:scars|cuts|wounds|scabs)\b
    | \b(?:bought|buying|got|hid|hidden|keep|kept)\s+(?:some\s+|new\s+|a\s+pack\s+of\s+)?(?:razor\s+)?blades\b
    | \b(?:bang\w*|hit\w*|smash\w*)\s+my\s+head\s+(?:against|on|into)\b
    | \b(?:the|my|these|those)\s+urges\b(?!\s+to\s+(?:text|e-?mail|call|message|see|contact|write|tell|look|check|ring|google|ask|hug|cry|eat))
    | \bgiv(?:en|e|ing)\s+in\s+(?:to\s+(?:the|them|it|my)\s*(?:urges?)?\s*)?(?:twice|again|\d+\s+times|once)\b
    | \b(?:want|wanted|wanting|wanna|wish|wished|wishing)\s+(?:\w+\s+){0,3}disappear\b(?=\s*(?:[.!,;]|$|and\s+(?:not|never)|forever|completely|for\s+good))
    | \b(?:want|wanted|wanting|wanna|wish|wished|wishing)\s+(?:i\s+(?:was|were)\s+)?(?:to\s+)?(?:just\s+)?(?:die|be\s+dead|dead)\b
    | \bwaiting\s+to\s+die\b|\bwant\s+to\s+be\s+saved\b
    | \bnot\s+wanting\s+to\s+(?:be\s+(?:here|alive|around)|exist|live|wake\s+up|go\s+on)\b
    | \b(?:don'?t|dont|do\s+not)\s+(?:\w+\s+){0,3}(?:want|wanna)\s+(?:to\s+)?keep\s+(?:living|going|being\s+(?:here|alive))\b
    | \bcan'?t\s+keep\s+living\s*(?:like\s+this\s*)?(?:[.!,]|$)|\bstop(?:ped)?\s+existing\b
    | \bonly\s+(?:\w+\s+){1,5}(?:i\s+)?(?:haven'?t|don'?t|didn'?t)\s+(?:want|wanted)\s+to\s+(?:die|be\s+dead)\b
    | \bonly\s+(?:thing|reason|one)\s+(?:that'?s\s+|who'?s\s+)?(?:stopping|keeping)\s+me\s*(?:here|alive|going|right\s+now|now|$|[.,!])
    | \bonly\s+reason\s+i\s+(?:didn'?t\s+do|haven'?t\s+done|'?m\s+still|am\s+still)\b
    | \bno\s+(?:point|reason)\s+(?:in\s+)?(?:me\s+)?(?:being\s+(?:here|alive|around)|going\s+on|carrying\s+on|staying)\b
    | \bwhat'?s\s+the\s+point\s+(?:in|of)\s+(?:me\s+)?(?:being\s+(?:here|alive)|going\s+on|living|carrying\s+on)\b
    | \b(?:how|ways?)\s+to\s+end\s+(?:it|things|my\s+life)\b
    | \bif\s+i\s+(?:was|were)\s+(?:just\s+)?(?:gone|dead|not\s+(?:here|around|alive))\b|\bif\s+i\s+(?:wasn'?t|weren'?t)\s+(?:here|around|alive)\b
    | \bif\s+i\s+(?:just\s+)?(?:died|disappeared)\b
    | \b(?:won'?t|wouldn'?t|not)\s+(?:still\s+)?be\s+(?:here|alive|around)\s+(?:when|by|tomorrow|next|for)\b
    | \b(?:hop\w*|wish\w*|pray\w*)\s+(?:\w+\s+){0,3}(?:would|will|'ll)\s+be\s+(?:my|the)\s+last\b
    | \bhop\w*\s+(?:the\s+)?(?:cancer|tumou?r|illness)\b|\bhop\w*\s+something\s+(?:bad\s+)?(?:would|will)\s+happen\b
    | \b(?:it|this|everything)(?:\s+(?:would|could|will)|\s*'d|\s*'ll)\s+(?:all\s+)?(?:just\s+)?be\s+over\b
    | \bhop\w*\s+(?:the\s+)?(?:scan|results?|tests?|biopsy)\s+(?:\w+\s+){0,2}(?:bad|badly|positive)\b
    | \bso\s+it'?(?:ll|\s+will|\s+would)\s+(?:all\s+)?(?:just\s+)?stop\b|\bdon'?t\s+have\s+to\s+keep\s+(?:going|living|being\s+here)\b
    | \b(?:don'?t|dont|can'?t|cannot)\s+see\s+(?:a|any)\s+future\b(?!\s+(?:with|for\s+us|together|in\s+(?:this|the)\s+(?:job|relationship)))
    | \b(?:take|taking|took|taken)\s+(?:way\s+)?(?:more|extra|too\s+many|all)\s+(?:of\s+)?(?:the\s+|my\s+)?(?:\w+\s+)?(?:pills|tablets|meds|medication|paracetamol)
    | \b(?:saving|hoarding|collecting|stockpiling|saved)\s+(?:up\s+)?(?:my\s+|the\s+)?(?:\w+\s+)?(?:pills|tablets|meds|medication|paracetamol)
    | \b(?:wrote|writing|written|write)\s+(?:a\s+|my\s+|the\s+)?(?:\w+\s+)?(?:goodbye|farewell|suicide)\s+(?:letters?|notes?|messages?)
    | \b(?:letters?|notes?)\s+(?:to\s+(?:\w+\s+){1,2})?(?:saying|to\s+say)\s+goodbye\b
    | \bgave\s+(?:away\s+)?(?:all\s+)?(?:of\s+)?my\s+(?:things|stuff|belongings)(?:\s+away)?\b|\bgiv\w*\s+away\s+(?:all\s+)?(?:of\s+)?my\s+(?:things|stuff|belongings)\b
    | \b(?:thinking|thoughts?|think)\s+(?:a\s+lot\s+)?(?:of|about)\s+(?:the\s+)?(?:knife|knives|blades?|pills|bridge|tracks|rope)\b
    | \b(?:want|wanted|wanting|urge)\w*\s+to\s+(?:jump|step\s+(?:out|off|in\s+front))\b(?!\s+(?:in\b|into\s+the\s+(?:pool|sea|lake)|up|for|at|on|ship))
    | \bstep\w*\s+(?:in\s+front\s+of|off\s+the\s+(?:platform|edge|bridge|roof))\b|\b(?:train|tracks|platform)\b.*\bstep(?:ping)?\s+forward\b
    | \b(?:turn|turning|swerv\w*|jerk\w*)\s+(?:the\s+)?(?:steering\s+)?wheel\b|\b(?:want\w*|urge|wanna|think\w*\s+about)\s+(?:to\s+)?crash\w*\s+(?:the|my)\s+car\b
    | \b(?:didn'?t|not)\s+have\s+to\s+come\s+up\b|\bhold\w*\s+my\s+breath\b.*\b(?:testing|longer\s+and\s+longer)\b
    | \bdecided\s+(?:how|when|where)\s+(?:i'?d|i\s+would|i'?ll|i\s+will|to)\s+do\s+it\b|\bdecided\s+it'?ll\s+be\s+(?:after|before|on|when)\b
    | \bplan\w*\s+to\s+do\s+it\s+(?:after|before|when|on|tonight|this|next)\b|\bthe\s+plan\s+is\s+still\b
    | \blook\w*\s+like\s+(?:an?\s+)?(?:answer|way\s+out|solution|option)\s*(?:[.!,]|$)
    | \b(?:don'?t|dont|do\s+not|didn'?t)\s+feel\s+safe\s+(?:from|with|around|by)\s+myself\b
    | \b(?:asleep|sleep)\s+and\s+(?:just\s+)?(?:not|never)\s+(?:have\s+to\s+)?(?:come|coming|wake|waking)\s+(?:back|up)\b
    | \bsay\w*\s+(?:my\s+)?goodbyes?\s+in\s+my\s+head\b
    | \bnotes?\s+to\s+(?:my|the)\s+(?:\w+\s+)?(?:kids|children|family|mum|mom|dad|partner|husband|wife|parents)\b.*\bin\s+case\b
    | \b(?:(?:home|room|bathroom|upstairs|work|school|bed)\s+and|i|then)\s+cut\s*(?:[.!]|$)
    | \b(?:when|how\s+long)\s+the\s+(?:house|flat)\s+(?:would|will|'d)\s+be\s+empty\b
    | \bwant\w*\s+it\s+to\s+hurt\b
    | \bdark\s+thoughts\s+(?:are|came|have\s+come|were|coming)\s+back\b|\bworked\s+out\s+how\s*(?:[.!]|$)
    | \bhead\s+under\s+(?:the\s+)?(?:bath\s*)?water\b
    | \bheight\s+of\s+the\s+(?:[\w-]+\s+){0,2}(?:car\s+park|bridge|building|roof|cliffs?|tower)\b
    """,
    _FLAGS | re.VERBOSE,
)

_RISK_WORDS: Final = tuple(
    re.split(
        r"\s*\|\s*",
        """
    a cliff|a plan|a tree|a wall|act on|alive|and never come|answer|any point|be around|
    be empty|be here|be my last|be over|be the last|belongings away|better off|biopsy|blade|
    bled|bleed|bridge|bruise|burn|cancer|central|collecting|crash|cut|dark thoughts|dead|death|
    decided|did something to|die|disappear|do it after|do it before|do it next|do it on|
    do it this|do it tonight|do it when|done trying|done with everything|done with life|
    done with living|driving into|dying|easier|edge of|end it|end things|ended it|ending it|
    ending things|exist|farewell|funeral|future|give in|given in|giving in|goodbye|harm|
    have to come|have to keep|head under|heart will|heart would|height of|hid|hit|hoarding|
    how easy|how many|how to end|i could do it|i might do it|i will do it|i would do it|
    if i did|if i was|if i were|illness|in case|in the bathroom|in the cupboard|in the drawer|
    in the house|into sea|into the sea|into the traffic|into traffic|it to hurt|itch to|jump|
    keep living|keeping me|kms|knife|knives|ligature|lined up|marks|medication|meds|methods|
    my belongings|my breath|my head against|my head into|my head on|my life|my own life|
    my stuff|my things|my wrists|myself|no point|no reason|noose|not being here|not safe|
    not wanna|not want|od on|od'd|off sea|off the sea|off the traffic|off traffic|only reason|
    option|overdos|paracetamol|picked a date|pills|point in|point of|punch|rather be|razor|
    reason to|reasons to|relaps|result|river|rope|saved|saving|scabs|scan|scars|scratch|
    sleep and|sleep forever|so it will|so it would|so it'|so itll|solution|split|starv|step|
    stockpil|stop being|stopping me|stuff away|suicidal|suicide|tablets|take my|taking all|
    taking my|taking the|test|the plan is still|the point|things away|tired of life|
    tired of living|to live|tracks|tried to|tumor|tumour|unaliv|urge to|urges|vanish|waiting to|
    wake|waking up|walking into|wanna go on|wanna keep|wanna live|wanna to go on|wanna to keep|
    want go on|want it|want keep|want live|want to go on|want to keep|way out|way to end|
    ways to do|ways to end|what i might|wheel|will happen|wish i was|wish i were|without me|
    worked out how|would happen|wounds
""".strip(),
    )
)
"""Every match of _RISK contains one of these, in the sentence lower-cased with each run of
whitespace as one space (see `_lowered`).

A sentence with none of them cannot match, so it is passed over without _RISK's long scan,
which is most of the time the crisis check takes. A test in tests/analysis/test_crisis.py
checks the claim against each alternative of _RISK: an alternative added there needs a word
or phrase here that every one of its matches contains.
"""

_CASE_TWINS: Final = str.maketrans({"İ": "i", "ı": "i", "K": "k", "ſ": "s"})
"""Letters that a case-blind regex takes for an ASCII letter but that lower() leaves alone."""


def _starts_of(words: Collection[str]) -> str:
    """A regex that matches where one of the words starts, the words sharing their beginnings.

    The regex engine tries the branches of `a|b|c` one by one at every position of the
    text; branching one letter at a time, it tries a handful.
    """
    if "" in words:
        return ""
    tails: dict[str, list[str]] = {}
    for word in sorted(words):
        tails.setdefault(word[0], []).append(word[1:])
    branches = [re.escape(first) + _starts_of(rest) for first, rest in tails.items()]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_RISK_WORD: Final = re.compile(_starts_of(_RISK_WORDS))

_FIGURE_OF_SPEECH: Final = re.compile(
    r"""
      \b(?:die|died|dying)\s+(?:of|from)\s+(?:embarrassment|shame|laughing|laughter|boredom|cringe|heat|hunger)
    | \b(?:die|died|dying)\s+laughing\b
    | \bdying\s+(?:to|for)\b
    | \brather\s+die\s+than\b
    | \bcould\s+(?:just\s+)?die\b
    | \bkill\s+(?:for|time|it)\b
    | \bkilling\s+(?:it|time|me)\b
    | \bkill\s+me\s+now\b
    | \bwould\s+kill\s+me\b
    | \bwill\s+kill\s+me\b
    | \bend\s+(?:it|things)\s+with\s+(?:him|her|them|my)\b
    | \bcut\s+(?:myself\s+)?(?:some\s+)?slack\b
    | \bcut\s+myself\s+(?:off|out)\b
    | \bcut\s+(?:my\s+)?(?:fingers?|thumb|hand)\s+(?:on|while|chopping|cooking)
    | \bhurt\s+myself\s+(?:at|playing|running|lifting|falling|on\s+the|skiing|training)
    | \bburn(?:ed|t)?\s+myself\s+(?:on\s+the|cooking|making|with\s+the\s+(?:iron|kettle|oven|pan))
    | \bended\s+(?:it|things)\s+(?:with|after)\b
    | \b(?:end|ending)\s+(?:things|it)\s+(?:with|when)\b
    | \bjump(?:ing)?\s+(?:off|from)\s+(?:the\s+)?(?:diving|high)\s+board
    | \bplan\s+(?:for|to\s+(?:go|visit|see|start|try|tell|bring|ask|talk))\b
    | \bend\s+of\s+my\s+rope\b
    | \b(?:scratch\w*|cut|burn\w*)\s+(?:my\s+)?\w+\s+on\s+(?:the|a|some)\s+(?:brambles|bush|thorns?|nail|fence|oven|iron|kettle|pan|glass)\b
    | \b(?:embarrass\w*|mortified|cringe\w*|humiliat\w*)\b
    | \bthink\w*\s+(?:about|of)\s+death\s+and\s+(?:what|how|life)\b
    | \b(?:traffic|commute|queue|deadline|homework|exam|meeting|printer|weather)\s+makes?\s+me\s+want\s+to\b
    """,
    _FLAGS | re.VERBOSE,
)

_I_MEAN_IT: Final = re.compile(
    r"\b(?:i\s+mean\s+(?:it|actually|really)|not\s+(?:joking|kidding)|no\s+joke|for\s+real|fr)\b",
    _FLAGS,
)

_TOPIC: Final = re.compile(
    r"""
      \b(?:prevention|awareness|dissertation|lecture|case\s+study|study\s+day|training|course|
         module|drama|episode|novel|documentary|article|podcast|statistics|rates|adolescents|
         helpline|charity|as\s+a\s+(?:nurse|gp|doctor|teacher)|i'?m\s+a\s+(?:nurse|gp|doctor|paramedic|counsellor|therapist))\b
    | \b(?:asked|asks|ask|question|questions|form|screening|assessment)\b.*\b(?:no|none|haven'?t|not|never)\b
    | ^(?!.*\b(?:yes|admitted|i\s+said\s+i)\b).*\b(?:asked|asks)\s+(?:me\s+)?(?:if|whether|about)\b
    """,
    _FLAGS | re.VERBOSE,
)

_DENIAL: Final = re.compile(
    r"\b(?:not|never|no|nor|nothing|without|cannot|(?:do|does|did|wo|would|ca|is|was|are|have|has)n'?t)"
    r"\s+(?:\w+\s+){0,2}$"
    r"|\b(?:would|will)\s+never\s+(?:\w+\s+){0,2}$",
    _FLAGS,
)

_NOT_A_DENIAL: Final = re.compile(
    r"\b(?:can'?t|cannot|couldn'?t|can\s+not)\s+stop\s+(?:\w+\s+){0,2}$"
    r"|\b(?:don'?t|do\s+not)\s+know\s+(?:if|whether|why|how)\s+(?:\w+\s+){0,3}$"
    r"|\bnot\s+sure\s+(?:if|whether)\s+(?:\w+\s+){0,3}$",
    _FLAGS,
)
"""Words that look like a denial but are not one: "can't stop thinking about ...", "not sure if ..."."""

_TOLD_SOMEONE: Final = re.compile(
    r"\b(?:tell|telling|told|tells|show|showing|showed|hide|hiding|hid)\s+(?:him|her|them|my\s+\w+)\s+"
    r"(?:about\s+)?(?:\w+\s+){0,2}$"
    r"|\b(?:found|saw|seen|noticed|see|sees|spotted)\s+(?:\w+\s+){0,1}$",
    _FLAGS,
)
"""The other person named is the one told or the one who saw: the risk is still the writer's."""

_NEW_CLAUSE: Final = re.compile(
    r"(?:[,;]|\band|\bbut)\s+(?=(?:the|my|these|those|all\s+the)\s)", _FLAGS
)
"""A new clause about the writer's own thoughts: "She's away and the thoughts about ending it are back"."""

_SEEN: Final = re.compile(r"(?:found|saw|seen|noticed|see|sees|spotted)\b", _FLAGS)

_ANOTHER_PERSON: Final = re.compile(
    r"""
      \b(?:someone|somebody|she|he|they|she's|he's|they're|her|his|their|him|them|herself|himself|themselves)\b
    | \bmy\s+(?:\w+\s+)?(?:friend|sister|brother|mum|mom|mother|dad|father|partner|husband|wife|
         boyfriend|girlfriend|son|daughter|cousin|flatmate|roommate|colleague|client|patient|
         student|aunt|uncle|grandad|grandma|niece|nephew)\b
    | \b(?:a|the|one)\s+(?:woman|man|girl|boy|character|book|film|show|news|article|course|class|
         charity|helpline|episode|podcast|documentary|patient|client|student|memoir|author|kid|
         person|guy|lady|member)\b
    | \b(?:mate|author|patient|client)'s\b|\bmy\s+(?:best\s+)?mate\b
    """,
    _FLAGS | re.VERBOSE,
)
_FIRST_PERSON: Final = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|me|myself|my)\b", _FLAGS)

_PAST: Final = re.compile(
    r"""
      \b(?:years?|decades?)\s+ago\b
    | \bwhen\s+i\s+was\s+(?:a\s+|in\s+|younger|young|little|small|\d+|\w*teen\b|twenty|thirty)
    | \bback\s+(?:in|when|then)\b
    | \bin\s+my\s+(?:teens|twenties|thirties|youth|late\s+teens|early\s+twenties)\b
    | \bas\s+a\s+(?:teen|teenager|kid|child|student)\b
    | \bused\s+to\b|\bhistory\b|\b(?:past|previous|old)\s+(?:self|suicid|attempt)
    | \bin\s+(?:19|20)\d\d\b
    | \bhaven'?t\s+(?:\w+\s+){0,3}(?:in|for)\s+(?:\w+\s+)?(?:years|months|a\s+long\s+time)\b
    | \b(?:clean|free)\s+(?:(?:from|of)\s+\w+(?:\s+\w+)?\s+)?for\s+(?:over\s+|more\s+than\s+)?(?:\w+\s+)?(?:years|months)\b
    | \b(?:years?|months)\s+(?:clean|free)\b|\b(?:years?|months)\s+since\b
    | \b(?:clean|free)\s+(?:(?:from|of)\s+\w+(?:\s+\w+)?\s+)?for\s+(?:over\s+|more\s+than\s+)?a\s+(?:year|month)\b
    | \bno\s+longer\b|\bnot\s+any\s?more\b
    | (?<!not\s)(?<!n't\s)\b(?:doing\s+(?:well|much\s+better|better)|good\s+place|stable\s+now|thriving|recovered|
         in\s+recovery|better\s+now|got\s+through\s+it|came\s+through|survived\s+it)\b
    | \bafter\s+my\s+\w+\s+in\s+\d{4}
    """,
    _FLAGS | re.VERBOSE,
)
_RESOLVED: Final = re.compile(
    r"""
      \b(?:years?|months?)\s+(?:self[\s-]?harm[\s-]+)?(?:free|clean)\b
    | \b(?:free|clean)\s+(?:from|of)\s+self[\s-]?harm\b
    | \bhow\s+far\s+i'?ve\s+come\b|\bso\s+has\s+the\s+urges?\b
    | \bold\s+(?:self[\s-]?harm\s+)?scars\b|\bthe\s+time\s+i\s+was\b
    """,
    _FLAGS | re.VERBOSE,
)
"""History named as over: it wins over a marker of the present ("a year free from self-harm today")."""
_RELAPSE: Final = re.compile(r"\bagain\b|\brelaps\w*|\b(?:are|is|came|come)\s+back\b", _FLAGS)

_PRESENT: Final = re.compile(
    r"""
      \bagain\b|\bright\s+now\b|(?<!ago\s)\btonight\b|\blast\s+night\b|\byesterday\b|\btoday\b(?!\s+i'?m)
    | \bthis\s+(?:week|morning|evening|afternoon|month)\b|\blately\b|\brecently\b
    | \bthese\s+days\b|\bat\s+the\s+moment\b|\bcurrently\b|\bkeep\s+(?:thinking|having|wanting)
    | \bcan'?t\s+stop\b|\bthe\s+urges?\b|\bstill\s+(?:want|think|have\s+the\s+urge)
    | \bsince\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|last)\b
    | \brelaps\w*|\b(?:two|three|few|couple\s+of|\d+)\s+days\s+ago\b|\blast\s+(?:week|weekend)\b
    | \bon\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b
    """,
    _FLAGS | re.VERBOSE,
)


def crisis_pattern(sentence: str) -> bool:
    """Whether a sentence carries an explicit sign of the writer's own current risk."""
    text = sentence.replace("’", "'").replace("‘", "'")
    if _RISK_WORD.search(_lowered(text)) is None:
        return False
    hits = [m for m in _RISK.finditer(text) if not _is_denied(text, m.start())]
    hits = [m for m in hits if not _is_someone_else(text, m.start(), m.group())]
    if not _I_MEAN_IT.search(text):
        hits = [m for m in hits if not _is_figure_of_speech(text, m.start(), m.end())]
    if not hits or _TOPIC.search(text):
        return False
    if _RESOLVED.search(text) and not _RELAPSE.search(text):
        return False
    return _PRESENT.search(text) is not None or _PAST.search(text) is None


def _lowered(text: str) -> str:
    """The text as _RISK_WORDS are written: lower case, each run of whitespace one space."""
    if not text.isascii():
        text = text.translate(_CASE_TWINS)
    return " ".join(text.lower().split())


def _is_denied(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start]
    return _DENIAL.search(before) is not None and _NOT_A_DENIAL.search(before) is None


def _is_figure_of_speech(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - 25) : end + 30]
    return _FIGURE_OF_SPEECH.search(window) is not None


def _is_someone_else(text: str, start: int, words: str) -> bool:
    """Whether the person named closest before the risk words is somebody other than the writer.

    Risk words that name the writer ("no point in me being here") are the writer's whoever
    is named before them, and so are words after someone being told or seeing ("my mum
    found the cuts"). Words in quotation marks belong to whoever is named before the quotation.
    """
    if _FIRST_PERSON.search(words):
        return False
    before = text[:start]
    if _TOLD_SOMEONE.search(before) or _SEEN.match(text, start):
        return False
    quote = max(before.rfind('"'), before.rfind("“"))
    if quote >= 0:
        before = before[:quote]
    clause = max((m.end() for m in _NEW_CLAUSE.finditer(before)), default=-1)
    if clause >= 0 and quote < 0:
        before = before[clause:]
    last_other = max((m.end() for m in _ANOTHER_PERSON.finditer(before)), default=-1)
    last_self = max((m.end() for m in _FIRST_PERSON.finditer(before)), default=-1)
    return last_other > last_self
