"""The shapes of English the stages read by: words before and after names, dates and event words."""

from __future__ import annotations

import re

from looseleaf.cardindex.names import UPPER
from looseleaf.evidence.extract.names import _words
from looseleaf.evidence.lexicon import KILLED
from looseleaf.evidence.numbers import NUMBER

_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")


_FIRST_PERSON = re.compile(r"\b(?:I|we|We)\b")


#: Where one was born: "born 12.III.1899 in Poltava", "born in the village of Lutsk".
_BORN_IN = re.compile(
    r"(?:\s+(?:on\s+)?[^,;\n]{0,25}?)?(?:\s+in|,?\s+(?:a\s+)?native\s+of)\s+"
    r"(?:the\s+(?:village|town|city|district)\s+of\s+)?"
    r"(?P<place>[A-Z][\w’'-]+(?:[\s-][A-Z][\w’'-]+)?)"
    r"|[.\s]*[0-9.IVX]{4,10},\s+(?P<bracketed>[A-Z][\w’'-]+)(?=\))"
)


#: A post right after "appointed": "appointed chief engineer of the Works".
_BARE_POST = re.compile(
    r"\s+(?P<post>(?!(?:in|on|at|by|from|for|to|as|after|before|when|and|but|the|a|an|his|her)\b)"
    r"[a-z][\w-]*(?:\s+(?!(?:in|on|at|by|from|for|to|of|after|before|when|and|but)\b)[a-z][\w-]*){0,2}"
    r"(?:\s+of\s+(?:the\s+)?[A-Za-z][\w’'-]*"
    r"(?:\s+(?!(?:in|on|at|by|from|for|to|and|but|after|before|when)\b)[A-Za-z][\w’'-]*){0,3})?)"
)


#: A form's field naming an event, its date after it.
_FIELD_EVENTS = {
    "arrest": "arrested",
    "birth": "born",
    "death": "died",
    "execution": "executed",
    "sentence": "sentenced",
    "sentencing": "sentenced",
    "trial": "tried",
    "release": "released",
    "recruitment": "recruited",
    "interrogation": "interrogated",
}


_FIELD = re.compile(
    rf"\b(?:[Dd]ate|DATE|[Dd]ay)\s+(?:of|OF)\s+(?P<noun>(?i:{'|'.join(_FIELD_EVENTS)}))\s*[:\-–—]\s*"
)


#: What follows the date that opens an entry of a chronology.
_ENTRY = re.compile(r"\s*[-–—:]\s")


#: Events whose phrase holds a value beside the subject.
_VALUED = frozenset({"appointed", "dismissed", "sentenced", "renamed", "recruited"})


#: "in Přílepy", "at the remand prison in Brno", "at Pankrác": where an event took place.
_AT_PLACE = re.compile(
    rf"\b(?:in|at)\s+(?:the\s+[\w\s’'-]{{0,30}}?\s+(?:in|of)\s+)?(?P<place>[{UPPER}][\w’'-]+"
    rf"(?:[\s-][{UPPER}][\w’'-]+)?)"
)
#: A court giving its verdict: the day of the sentence.
_VERDICT_GIVEN = re.compile(
    r"\b(?:delivered|pronounced|passed|announced|handed\s+down|read\s+out|reached|gave)\s+"
    r"(?:its|the|a|their)\s+(?:verdict|judgement|judgment|sentences?)\b",
    re.I,
)
#: Up to three capitalised words: a name in a list ("Joachim Kästner", "Dvořák").
_NAME_RUN = rf"[{UPPER}][\w’'.-]*(?:\s+[{UPPER}][\w’'.-]*){{0,2}}"
#: A prison term in years, as courts give it.
_YEARS = rf"{NUMBER}\s+years?"
#: "Judgment:", "Sentences:": a list of who got what follows.
_JUDGMENT_HEAD = re.compile(r"\b(?:judge?ment|verdict|sentences?)\s*:\s*", re.I)
_JUDGMENT_ITEM = re.compile(
    rf"(?:^|(?<=[,;:]\s)|(?<=\band\s))(?P<n>{_NAME_RUN})\s+"
    rf"(?:to\s+)?(?P<term>death|{_YEARS}(?:\s+(?:and\s+)?{NUMBER}\s+months?)?)"
)
_RESPECTIVELY_WORD = re.compile(r"\brespectively\b")
#: ", Kubíček to fourteen years", "and Dvořák to twenty years": a name and its term.
_GAPPED_TERM = re.compile(
    rf"(?:[,;]|\band)\s+(?:the\s+[a-z]+\s+)?(?P<n>{_NAME_RUN})"
    rf"\s+to\s+(?P<term>death|(?:a\s+term\s+of\s+)?{_YEARS})"
)
#: What a court gave: "to death", "to ten years in a labour camp", "to 8 years".
_TERM = re.compile(
    rf"(?:\s+(?:by|in|on)\s+[^,;.]{{0,60}}?)?\s+(?:to\s+)?(?P<term>death|be\s+shot|(?:the\s+)?"
    r"(?:supreme|highest)\s+measure(?:\s+of\s+punishment)?|(?:a\s+term\s+of\s+)?"
    rf"{NUMBER}\s+years?(?:\s+(?:in|of)\s+(?:a\s+)?(?:labou?r|corrective|prison|camps?|exile)"
    r"[\w\s-]{0,30}?(?=[,;.]|\s+(?:on|in|by|for|and)\b|$))?)",
    re.I,
)


#: The name an organisation was given: "renamed the Kharkov Machine Works".
_NEW_NAME = re.compile(
    r"\s+(?:as\s+|to\s+|into\s+)?(?:the\s+)?[\"“‘']?(?P<n>[A-Z][\w’'.-]*(?:\s+(?:of\s+|for\s+|the\s+)*"
    r"[A-Z0-9][\w’'.-]*)*)(?<!\.)"
)


#: What someone was recruited as or into: "as an informer", "into the NKVD".
_RECRUITED_AS = re.compile(
    r"(?:\s+by\s+[^,;.]{0,40}?)?\s+(?:as|into|to)\s+(?P<as>(?:an?\s+|the\s+)?[\w-]+(?:\s+[A-Z][\w-]+)*)"
)


#: Words before the name of whom a protocol questions.
_RESPONDENT_CUE = re.compile(
    r"\b(?:accused|defendant|suspect|prisoner|detainee|witness|applicant|petitioner|"
    r"(?:interrogation|questioning|examination|interview)\s+of(?:\s+the\s+(?:accused|witness))?|"
    r"application\s+of)\b",
    re.I,
)


#: "the accused" standing alone (not "the accused Sorokin"), meaning the respondent.
_THE_RESPONDENT = re.compile(
    r"\b[Tt]he\s+(?:accused|defendant|prisoner|suspect|detainee|applicant|petitioner|"
    r"arrested\s+(?:man|woman))\b"
    r"(?![’']s|\s+[A-Z])"
)


#: The start of an answer's line: "Answer:", "A.", "Reply -".
_ANSWER = re.compile(r"\s*(?:A|ANS|Ans|Answer|ANSWER|Reply|REPLY|R)\s*[:.\-–—]")


_SIGNED = re.compile(r"\s*(?:signed|signature|yours|sincerely|respectfully|with respect)\b", re.I)


_THIS_PERSON = re.compile(r"\b(?:[Tt]his|[Tt]hat) (?:gentleman|man|woman)\b")


_SPEECH = re.compile(
    r"\b(?:relates|writes|wrote|says|said|recalls|recalled|explains|continued|goes on to say|"
    r"told|tells|declared|asked|replied|added|estimates)\b"
)


_ANAPHORIC_OPENER = re.compile(
    r"^\W*(?:Upon|On|After|Following|Soon after|Shortly after)\s+(?:his|her|their|this|that)\s+"
    r"(?:appointment|arrival|return|death|arrest|release|removal|election|incident)\b"
    r"|^\W*(?:Thereupon|At the same time|After this|Immediately afterwards)\b"
)


_AT_THIS_TRIAL = re.compile(r"\b(?:[Aa]t|[Dd]uring)\s+(?:this|that|the)\s+trial\b")


_THESE = re.compile(
    r"\b(?:of\s+)?(?:these|those)\s+(?:prisoners|people|persons|victims|arrested|men)\b"
)


_RESPECTIVELY = re.compile(rf"\((?P<a>{NUMBER})\s+and\s+(?P<b>{NUMBER}),?\s+respectively\)", re.I)


_VICTIM_COUNT = re.compile(
    rf"(?<![\w,.])(?P<n>{NUMBER})(?![\w,.]*\d)(?:\s+(?!(?:were|was|had|have)\b)[\w-]+){{0,3}}?\s*"
    rf"(?:\([^)]*\)\s*)?(?P<verb>{KILLED.pattern})",
    re.I,
)


_TOTALLING = re.compile(rf"\bexecutions?,?\s+total(?:l)?ing\s+(?P<n>{NUMBER})", re.I)


_ORDER_COUNT = re.compile(rf"\border\s+to\s+(?:execute|shoot|kill)\s+(?P<n>{NUMBER})", re.I)


_CO_ACCUSED = re.compile(
    rf"\band\s+(?:his\s+)?(?P<n>{NUMBER})\s+(?:other(?:s|\s+[\w-]+)|co-defendants|co-accused|"
    r"accomp[l1]ices|fellow[- ]defendants)",
    re.I,
)


_VERDICT = re.compile(r"\b(?:verdict|judgement|judgment|sentence)\b", re.I)


_IT = re.compile(r"\b(?:[Ii]t|[Tt]his|[Tt]hat)\s+(?:\w+\s+){0,2}$")


#: "founded in 1929 on the site of the old shops as the Metallist Works".
_FOUNDED_AS = re.compile(
    r"[^.;]{0,80}?\bas\s+(?:the\s+)?(?P<n>[A-Z][\w’'-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w’'-]*)*)"
)


#: "the following have been arrested:": an event word, then a list.
_LIST_HEAD = re.compile(
    r"\b(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?P<verb>[a-z]+(?:ed|en|wn|ght))\s*:\s*"
)


#: How many were sentenced to death in one case: "four death sentences in all",
#: "four of the seven defendants received the death sentence".
_DEATH_SENTENCES = re.compile(
    rf"\b(?P<n>{NUMBER})\s+(?:death\s+sentences|sentences\s+of\s+death|"
    rf"of\s+the\s+(?:{NUMBER}\s+)?(?:defendants|accused)\s+(?:received|were\s+given|were\s+sentenced\s+to)"
    r"\s+(?:the\s+|a\s+)?death)",
    re.I,
)


_GROUP = re.compile(
    rf"\b(?:all\s+)?(?:the\s+)?(?P<n>{NUMBER})\s+(?:former\s+)?(?:defendants|accused)\b", re.I
)


_TRIAL_OF_N = re.compile(r"\b[Tt]rial of the (?P<n>[a-z]+(?:-[a-z]+)?)\b")


_HYPHENATED = re.compile(r"(?P<names>(?:[A-Z][\w’']+-)+[A-Z][\w’']+)")


_ROLE_WORD = (
    r"(?i:presiding\s+judge|judge|(?:public\s+|state\s+|military\s+)?prosecutor|procurator|"
    r"defen[cs]e\s+(?:counsel|lawyer|attorney)|counsel\s+for\s+the\s+defen[cs]e|defender|"
    r"(?:chief\s+)?witness(?:\s+for\s+the\s+(?:prosecution|defen[cs]e))?|co-defendant|"
    r"defendant|accused|chairman|chairwoman|chair|member|secretary|investigator|interrogator|"
    r"presiding|for\s+the\s+prosecution|for\s+the\s+defen[cs]e)"
)


_ROLE_OF_BODY = (
    r"(?:\s+(?:of|at|in|on)\s+(?:the\s+)?(?:troika|court|tribunal|commission|collegium|bench|"
    r"trial|case|hearing|session|(?:[A-Z][\w-]*\s+)*(?:Troika|Court|Tribunal|Commission|"
    r"Collegium|Committee|Board)))?"
)


#: Role words standing right before a name: "the prosecutor was", "prosecutor", "witness".
_ROLE_BEFORE = re.compile(
    rf"(?:\b[Tt]he\s+|\b[Aa]s\s+|^|[,;(]\s*)(?P<role>{_ROLE_WORD}){_ROLE_OF_BODY}"
    r"(?:\s+(?:was|were|being)|,|:)?\s+(?:(?:[Cc]omrade|[Cc]itizen|[A-Z][A-Za-z]+\.?)\s+){0,4}$"
    r"|\b(?P<verb>presided\s+over|chaired|under\s+the\s+chairmanship\s+of|"
    r"(?:indictment|charge|case\s+for\s+the\s+prosecution)\s+was\s+(?:presented|brought|read|put)|"
    r"prosecution\s+was\s+(?:represented|conducted|led)|defen[cs]e\s+was\s+(?:conducted|led))"
    r"\s+(?:by\s+)?(?:(?:[Cc]omrade|[Cc]itizen|[A-Z][A-Za-z]+\.?)\s+){0,4}$"
)


#: Role words right after a name: ", the presiding judge", "(prosecutor)",
#: "acted as secretary", "testified", "presided".
_ROLE_AFTER = re.compile(
    rf"(?:,\s+|\s+\(|\s+[-–—]\s+)(?:(?:the|a|an)\s+)?(?P<role>{_ROLE_WORD}){_ROLE_OF_BODY}"
    r"(?=[\s,;.)]|$)"
    rf"|,?\s+(?:who\s+)?(?:had\s+)?(?:has\s+been\s+|had\s+been\s+|was\s+)?(?:acted|served|appeared|sat|presided|"
    r"called|heard|questioned|interrogated|summoned|cited)"
    r"(?:\s+(?:at|in|before)\s+[^,;.]{0,40}?)?(?:\s+only)?\s+as\s+"
    rf"(?:(?:the|a|an)\s+)?(?P<role2>{_ROLE_WORD})"
    r"|\s+(?P<verb>presided|chaired|testified|gave\s+(?:evidence|testimony)|"
    r"(?:sat|stood)\s+in\s+the\s+dock)\b"
)


#: "member", "secretary", "chair" alone: of a party, a club, a committee, not
#: a part in a proceeding (which names its troika, court or commission).
_ROLE_WITHOUT_BODY = re.compile(
    r"(?i:(?:the|a|an|as)\s+)?(?i:member|secretary|chairman|chairwoman|chair)(?:\s+(?:was|were|being))?"
    r"(?:\s+(?:of\s+(?:the\s+)?)?(?!troika|court|tribunal|commission|collegium|session|bench)\w[^,;]*)?",
)


#: The trial a role was at, named after it.
_ROLE_TRIAL = re.compile(r"\s+(?:over|at|in)\s+(?P<trial>(?:the\s+)?[A-Z][\w\s-]*?[Tt]rial)\b")


_ROLE_CUE = re.compile(
    r"judge|prosecut|procurator|defen[cs]|witness|presid|chair|member|secretary|investigat|"
    r"interrogator|testif|evidence|testimony|indictment|accused|dock",
    re.I,
)


_ROLE_NAMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("judge", ("judge", "presiding judge")),
    (
        "prosecutor",
        (
            "prosecutor",
            "public prosecutor",
            "state prosecutor",
            "military prosecutor",
            "procurator",
            "for the prosecution",
        ),
    ),
    ("defence counsel", ("defence", "defense", "counsel for the", "defender", "for the defen")),
    ("witness", ("witness", "chief witness", "testified", "gave evidence", "gave testimony")),
    ("defendant", ("defendant", "co-defendant", "accused", "sat in the dock", "stood in the dock")),
    ("chair", ("chair",)),
)


_PLACE = re.compile(
    r"(?:the\s+)?(?P<place>[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|de|del|la|of))*"
    r"(?:,\s+[A-Z][a-z]+(?=[,.;]|\s+on\b|\s+in\b))?)"
)


_BOUND = re.compile(
    r"(?:\bsince\s*|\b(?:after|before|following)\s+(?:the|his|her|their)\s+[^,.;]*?)$", re.I
)


PASSIVE_ANYWHERE = re.compile(r"\b(?:was|were|been)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ght)\b")


_DATED_EVENTS = frozenset({"died", "executed", "arrested", "attacked"})


_EVENT_NOUNS = r"(?:assassination|murder|death|arrest|execution|killing|kidnapping)"


_EVENT_NOUN = re.compile(rf"\b{_EVENT_NOUNS}\b")


_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?(?:\w+\s+){0,3}?")


_UPON = re.compile(r"\bupon\s+(?:the|his|her|their)\s+$")


_AND_VERB = re.compile(r"\s+and\s+")


_NOUN_AND_NOUN = re.compile(rf"\s+and\s+(?i:{_EVENT_NOUNS}|trial)\b")


_AND_NOUN = re.compile(r"(?:\s+of\s+[^,;.]{0,30})?\s+and\s+(?:their\s+|his\s+|her\s+)?")


_TRANSFERRED = re.compile(r"\btransferred\s+to\b")


_TO = re.compile(r"\bto\s+$")


_WOULD = re.compile(r"\bwould\b")


_ANNOUNCED = re.compile(r"\b(?:tomorrow|announce|plan)", re.I)


_WITH_BY = re.compile(r"[^.;]*?\b(?:with|by)\s+")


_BY = re.compile(r"\s+(?:[\w’']+\s+){0,6}?by\s+")


_CLAUSE_PRONOUN = re.compile(r"(?:^|,\s+)(he|she)\b")


_WRITTEN = re.compile(r"written\s+aboard")


_OUR = re.compile(r"\W*(?:[A-Z]?[a-z]+\s+){0,5}?(?:[Oo]ur|[Mm]y)\s+\w+\s+$")


_BY_BEFORE = re.compile(r"\bby\s+(?:\w+\s+){0,2}$")


_NOT_SUBJECT_AFTER = re.compile(
    r"\s*[’']s\b|\s+(?:[A-Z][a-z]+\s+)*(?:Regiment|Group|Theatre|Institute)"
)


_ELLIPTICAL = re.compile(r"[A-Z][a-z]+ed\b")


_CONTINUING = frozenset({"and", "but", ";", "whilst", "while", "-", "–", "—"})


_FINITE = re.compile(r"\b(?:was|were|had|has|have|is|are|became|would|will|could|\w+ed)\b")


_COORDINATED = re.compile(r"\s*(?:,|,?\s+and|\s+as well as)\s+")


_NARRATED = re.compile(r"\b(?:[Oo]ur|[Mm]y)\b|\bwritten\s+aboard")


_HEADING_NAME = re.compile(r"(?P<n>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\b")


_ABSORBED = re.compile(
    r"\b(?:re-?incorporated|incorporated|absorbed|merged|folded)\s+into\b"
    r"|\bbecame known as\b|\btransferred\s+to\b"
)


#: Words after which a name is an object, not a subject.
_LINKS = _words("of the a an to with for from by in on at into against about and or than as")


#: A clause with a subject of its own that is no name ("his supporters were").
_OWN_SUBJECT = re.compile(r"\b(?:they|it|the|his|her|their|its|an?|some|many|all)\b", re.I)


_TITLES = r"(?:General|Marshal|Admiral|Colonel|Captain|Commissar|President|Professor|Comrade)"


# What may stand between a subject and its passive verb: auxiliaries, adverbs,
# "and seven other commanders", "who", "both".
_BETWEEN = re.compile(
    r"(?:,|\s)*(?:(?:who|which|and|both|also|had|has|have|been|was|were|be|is|are|would|"
    r"will|could|did|then|later|finally|eventually|subsequently|not|reportedly|officially|"
    r"himself|herself|posthumously|immediately|soon|once|again|still|never|allegedly|"
    r"secretly|publicly|quickly|summarily|duly|formally|first|thereupon|personally|"
    r"suddenly|steadily|found\s+guilty\s+and|[a-z]+ly)(?:,|\s)+)*",
)


_OTHERS_BETWEEN = re.compile(
    rf"\s*,?\s+and\s+(?:(?:(?:{NUMBER})|a number of|several|many|some)\s+(?:[a-z]+\s+)?)?others?"
    r"(?:\s+(?!(?:were|was|had|have|are|is)\b)[A-Za-z-]+)*\s*",
    re.I,
)


#: ", senior Guild Delegate with the coastal militias in Norway,": an
#: apposition between a name and its verb (no verb of its own).
_APPOSITION = re.compile(
    r"^\s*,\s+(?![^,]*\b(?:was|were|had|has|is|are|did|who|which)\b)[^,;:()]{2,90},[\s”\"’]*"
)


def _subject_close(text: str) -> bool:
    """Only auxiliaries, adverbs or "and seven other commanders" between a
    subject and its verb: the name is the verb's subject."""
    rest = _OTHERS_BETWEEN.sub(" ", text, count=1)
    rest = re.sub(r"^\s*\([^()]{0,80}\)", "", rest)  # "Jiří Dvořák (Jiřího Dvořáka), born"
    rest = _APPOSITION.sub(" ", rest)
    return bool(_BETWEEN.fullmatch(rest))
