"""The words the extractor reads claims by: event words by property, with how
each finds its subject, and the cues for plans, roles and mass events.

A frame says where an event word's subject stands:

- `agent`: the doer, before the word ("Menzhinsky died", "Reiss had become
  a member of the OGPU", "he went to Serbia");
- `patient`: what the event happens to: before the word in the passive
  ("Yagoda was executed"), after it in the active ("shot and killed Sergei
  Kirov", "Stalin appointed Yagoda"), the doer being the value;
- `noun`: after "of" or before "'s" ("the death of Lenin", "Sedov's death",
  "The Kidnapping of Yevgeny Miller");
- `thing`: an organisation made, ended or renamed, named after the word or
  before it in the passive ("Trotsky established the Fourth International",
  "The Cheka was founded by Lenin");
- `taker`: a post taken over by the person after "by" ("his position was
  taken over by Menzhinsky").
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Event:
    property: str
    frame: str
    pattern: re.Pattern[str]


def _events(*rows: tuple[str, str, str]) -> tuple[Event, ...]:
    return tuple(
        Event(prop, frame, re.compile(rf"\b(?:{words})\b", re.I)) for prop, frame, words in rows
    )


EVENTS: tuple[Event, ...] = _events(
    ("born", "patient", r"born(?!\s+(?:into|of|out))|(?<=\()b(?=\.\s*\d)"),
    # died: "assassinated" and "murdered" date the death, as the seeds use them
    ("died", "agent", r"died(?!\s+out)|passed away|perished|committed suicide"),
    (
        "died",
        "patient",
        r"assassinated|murdered|killed(?!\s+(?:fighting|in action))|strangled|"
        r"shot (?:dead|to death)|shot and killed|shoot(?=\s+[A-Z]\w+\s+dead)",
    ),
    (
        "died",
        "noun",
        r"death(?!\s+(?:sentences?|penalty|by|of the))|murder|assassination(?!\s+attempt)",
    ),
    # attacked
    (
        "attacked",
        "patient",
        r"attacked|assaulted|wounded|stabbed|kidnapped|abducted|poisoned|struck",
    ),
    ("attacked", "agent", r"survived an? (?:assassination )?attempt"),
    ("attacked", "patient", r"(?<=to )(?:assassinate|kill|murder|poison)"),
    (
        "attacked",
        "noun",
        r"kidnapping|abduction|poisoning|assassination attempt|attempt on the life|"
        r"attempt on (?:his|her) life",
    ),
    # executed
    (
        "executed",
        "patient",
        r"executed|exeucted|put to death|liquidated|"
        r"(?<![’']s )shot(?!\s+(?:dead|to death|and killed|himself|at|down|into|through|up|"
        r"by\s+the\s+side))",
    ),
    ("executed", "noun", r"execution(?!s?\s+(?:of\s+)?(?:the\s+)?(?:other|others))"),
    # arrested
    (
        "arrested",
        "patient",
        r"arrested|detained|captured|taken into custody|"
        r"taken to the (?:headquarters|Lubyanka|(?-i:(?:[A-Z][\w-]+ )+Prison))|imprisoned",
    ),
    ("arrested", "noun", r"arrest(?!\s+(?:warrant|of\s+all))|capture|detention|internment"),
    # tried
    (
        "tried",
        "patient",
        r"tried(?!\s+(?:to|the|merely|and\s+tested|his|her|their|every|in\s+vain))|"
        r"put on trial|placed on trial|brought to trial|charged with",
    ),
    (
        "tried",
        "agent",
        r"went on trial|stood trial|(?:went|came|was brought) before (?:a|the) (?:[\w-]+ ){0,3}?"
        r"(?:court|session|tribunal|collegium|troika)",
    ),
    ("tried", "noun", r"trial(?!s)"),
    # sentenced
    ("sentenced", "patient", r"sentenced|condemned|let off with an? [\w-]+ sentence"),
    ("sentenced", "agent", r"received(?=\s+(?:a\s+)?(?:sentence|term|[\w-]+\s+years?\b))"),
    ("sentenced", "noun", r"sentencing|(?<!death )sentence(?=\s+(?:of|on|against|passed))"),
    # interrogated
    ("interrogated", "patient", r"interrogated|questioned|cross-examined|re-examined"),
    ("interrogated", "noun", r"interrogation(?!\s+(?:protocol|record|report))|questioning"),
    # recruited
    (
        "recruited",
        "patient",
        r"recruited|enlisted|signed up|enrolled as an? (?:agent|informer)|drawn into|drew in(?!to)|"
        r"drawn in|brought into|drew into",
    ),
    ("recruited", "noun", r"recruitment"),
    # appointed
    ("appointed", "patient", r"appointed|promoted|demoted|elected|re-elected"),
    (
        "appointed",
        "agent",
        r"became (?:the |its |his |her |our |their )?(?:new )?"
        r"(?:head|chief|director|commander|leader|deputy|"
        r"a member of the (?:praesidium|presidium|politburo|central committee)|"
        r"first secretary|vice-chairman|chairman|commissar|people's commissar|people’s commissar)|"
        r"served as (?:an? |the )?(?:deputy |first )?(?:head|chief|director|commander|deputy)|"
        r"succeeded|succeeding|replaced(?!\s+(?:as|by|with))|took over",
    ),
    # taking up a post: "joined the works as deputy chief engineer", "came to our
    # school as a teacher", "was assigned to the national school"
    (
        "appointed",
        "agent",
        r"(?:joined|joins|came\s+to|went\s+to|moved\s+to|started\s+(?:work\s+)?at)"
        r"(?=\s+(?:[\w’'-]+\s+){1,6}?as\s+(?:an?\s+|the\s+|its\s+)?(?-i:[a-z]))",
    ),
    ("appointed", "patient", r"assigned to|posted to|transferred to the post of"),
    ("appointed", "taker", r"taken over by"),
    ("appointed", "noun", r"appointment"),
    # dismissed
    (
        "dismissed",
        "patient",
        r"dismissed|removed from (?:his|her|their|the) (?:position|post|office)s?|"
        r"relieved of|stripped of|barred from|banned from|"
        r"removed from the (?:directorship|chairmanship|leadership|command)|"
        r"expelled from (?:the )?(?:Central Committee|Communist Party|"
        r"Party|party|Politburo)|replaced as",
    ),
    ("dismissed", "noun", r"removal|dismissal"),
    # organisations
    ("founded", "thing", r"founded|established|set up|set-up|created"),
    ("dissolved", "thing", r"shut down|closed|abolished|dissolved|disbanded"),
    ("renamed", "thing", r"renamed|re-named|reorgani[sz]ed (?:as|into)"),
    ("dissolved", "noun", r"termination"),
    # exiled, fled, released
    ("exiled", "patient", r"exiled|banished|deported"),
    ("located-at", "patient", r"transferred to(?! the post)|taken to(?! the)"),
    ("exiled", "noun", r"banishment"),
    ("exiled", "agent", r"(?:went|was forced|forced) into (?:self-imposed )?exile"),
    ("fled", "agent", r"fled|defected|deserted|escaped|sought (?:political )?asylum"),
    ("released", "patient", r"released|freed|set free|let out|set at liberty|rehabilitated"),
    # membership
    (
        "member-of",
        "agent",
        r"joined|(?:become|became) a member of|re-?admitted|"
        r"(?:become|became) an? (?:Bolshevik|Menshevik|Communist|Social[- ]Democrat)|"
        r"(?:been )?affiliated with|a member of the (?:[\w-]+ )?Party(?= since)",
    ),
    # other dated acts: letters, publications, denials, recantations, refusals, orders
    (
        "other",
        "agent",
        r"(?:composed|sent|addressed|wrote|posted) (?:\w+ )?(?:a |an |his |her )?"
        r"(?:letter|declaration|statement|appeal)|published|broke with|(?:had )?recanted|"
        r"declined|formed an alliance|invaded|launched|sponsored|"
        r"became involved in|ordered the (?:invasion|occupation|attack)|suggested|interviewed|"
        r"expressed agreement|"
        r"(?<=[a-z] )told|repented|confessed",
    ),
    (
        "other",
        "patient",
        r"offered|found (?:his|her) (?:\w+ )?(?:body|corpse)|"
        r"(?<=body was )found|(?<=corpse was )found",
    ),
    ("other", "noun", r"denial|indictment|recantation"),
    # where someone was
    (
        "located-at",
        "agent",
        r"(?:went|travelled|traveled|moved|came|come|returned|followed \w+)\s+(?:back\s+)?"
        r"(?:together\s+)?to|(?:arrived|landed|alighted)(?:\s+by\s+\w+)?\s+(?:at|in)|visited|"
        r"(?:stationed|resided|residing|lived|stayed|settled)\s+(?:in|at)|"
        r"(?:be|being|was|were)\s+(?:still\s+)?(?:in|at)(?=\s+(?-i:[A-Z])|"
        r"\s+(?:the|an?)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:in|at)\s+(?-i:[A-Z]))|"
        r"(?:was|were|lay)\s+(?:then\s+)?in\s+(?:the\s+)?hospital|on\s+leave\s+in|"
        r"on\s+(?:an?\s+)?(?:work|business|official|study)\s+(?:assignment|trip|mission|visit)\s+(?:at|in|to)|"
        r"(?:active|based|posted) in|"
        r"remained in|"
        r"(?:(?:was|were)\s+(?:[^,;.]{0,40}?\s+)?)?an?\s+(?:in-?)?patient\s+(?:of|in|at)|"
        r"met(?:\s+with)?(?=\s+(?:[\w.’'-]+\s+){0,6}?(?:in|at)\s+(?-i:[A-Z]))|"
        r"(?:was|were)\s+(?:seen|present)\s+(?:in|at)|on\s+(?:a\s+)?(?:business\s+)?trip\s+to|"
        r"spent\s+(?:\w+\s+){0,3}?(?:in|at)(?=\s+(?-i:[A-Z]))|attending\s+(?:a|the)\s+[\w\s-]{0,40}?\s+in|"
        r"passed the|entered the harbou?r of|took part in|served in|worked there|worked in|"
        r"written aboard",
    ),
    # meetings: with whom (the value), a one-time event for the two of them; a
    # meeting at a named place is first a stay there (an alibi may refute it)
    (
        "met",
        "agent",
        r"met(?:\s+with)?(?!\s+(?:his|her|their|with)\s+(?:death|end|approval|resistance))",
    ),
)

#: Any event word at all: a sentence without one is passed over quickly.
ANY_EVENT = re.compile("|".join(f"(?:{event.pattern.pattern})" for event in EVENTS), re.I)
#: Where any event word begins (a zero-width look at every position, one pass).
EVENT_STARTS = re.compile(
    r"\b(?=" + "|".join(f"(?:{event.pattern.pattern})" for event in EVENTS) + ")", re.I
)

#: Words before an event word (in its clause) that make it a plan, an order
#: or an estimate rather than something that happened.
PLANNED = re.compile(
    r"\b(?:will|shall|going to|plan(?:s|ned|ning)? to|plotting to|intend(?:s|ed)? to|"
    r"expect(?:s|ed)? to|order(?:ed)? to|an order to|surmises?|was to|were to|hoped to|"
    r"wished to)\b",
    re.I,
)
#: Auxiliaries (and the adverbs that may follow them) that make a verb passive.
PASSIVE = re.compile(
    r"\b(?:was|were|been|be|being|is|are|got)\s+(?:(?:also|later|then|finally|eventually|"
    r"subsequently|not|reportedly|officially|both|all|first|himself|herself|posthumously|"
    r"in\s+(?:his|her|their)\s+turn|"
    r"immediately|soon|once|again|still|never|allegedly|secretly|publicly|quickly|"
    r"summarily|duly|formally|thereupon|in\s+turn|personally)\s+)*$",
    re.I,
)
#: Roles at a trial, a person's part in one event.
ROLES = re.compile(r"\b(?:presiding\s+)?(?P<role>judge|prosecutor)\b", re.I)
#: Mass events: what a count of victims is a count of. The first group names
#: the event as it may be written; the canonical name is the key.
MASS_EVENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "the Great Purge",
        re.compile(
            r"\b(?:(?:the\s+)?[Gg]reat\s+(?:[Pp]urges?|[Tt]error)|Yezhov(?:s|sh)?(?:ch|sch|shch)ina|"
            r"(?:Stalin(?:ist|'s|’s)\s+|Yezhov(?:'s|’s)\s+|the\s+|these\s+)?(?:[Pp]urges|Purge))\b",
        ),
    ),
    ("the Red Terror", re.compile(r"\bRed\s+Terror\b")),
    ("massacre", re.compile(r"\b(?P<name>[A-Z][a-z]+)\s+Massacre\b")),
)
#: Nouns for killing many: a number before one of these is a count of victims.
KILLED = re.compile(
    r"\b(?:were|was|had been|have been)?\s*(?:shot|executed|killed|wiped out|put to death|"
    r"liquidated|massacred|received death sentences)\b",
    re.I,
)
