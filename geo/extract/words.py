"""Word lists the place finder uses: plain data, kept apart from the code that reads text with them."""

from __future__ import annotations

# Words that are never a place on their own, however they are written (sentence starts, titles, headings).
STOPWORDS = frozenset(
    """
    a about above according across added after again against agency aid all almost along already also although
    among an and another any april are area areas around as at august authorities back bad be because been before
    being best between big both but by camp camps can central children city close cold come conflict could
    countryside crossing day days december deal dire displacement district do due during each early east eastern
    either else emergency end even every families family february few first five flash following for four friday from
    further get government had half has have he health her here high his host how however humanitarian i if in including
    international into is it its january july june just key last late least long main many march may me media
    medical meanwhile mid mobile monday month months more most much must national near need new news next nine no north
    northern northeast northwest northeastern northwestern not november now october of off old on once one only or
    other our out over own partners past people per province region report reports response said same saturday
    say says second see seen september seven she since situation six so some south southern southeast southwest state
    still such sunday support tell ten than that the their them then there these they third this those three through
    thursday to today total town tuesday two un under until up update us via village war was we wednesday week
    weeks well were west western what when where which while who will winter with within without women world year
    years yes yet you eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty
    fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions dozen dozens nearly roughly
    approximately almost estimated
    """.split()
)
# Words that open a sentence before a name and are never part of it ("At Torkham, 2,800 people crossed")
PREPOSITIONS = frozenset("at from to into toward towards via on near inside outside across".split())
# Small words inside names written in Latin script: "Mocimboa da Praia", "Port-au-Prince", "Cité de Dieu"
PARTICLES = frozenset("da de do dos das du des la le les au aux sur di del della von van der".split())
# … and inside names the gazetteer knows: "Democratic Republic of the Congo"
INSIDE_KNOWN_NAMES = PARTICLES | {"of", "the"}
# Directions before an area: the gazetteer's, and "upper" / "lower" ("the lower Artibonite", "Upper Nile")
MORE_DIRECTIONS = frozenset({"upper", "lower"})
# Names of other countries' admin levels, and words for parts of a town or region, kept after a name
KIND_SUFFIXES = frozenset(
    "state territory region county oblast municipality prefecture township department site area".split()
)
# Words after a capitalised name that make it a place even with no cue before it ("the Kaxda sites")
KIND_NOUNS = frozenset("site sites settlement settlements neighbourhood neighborhood".split())
# Capitalised words that name people, bodies, times or languages, not places ("according to Save the Children").
NOT_NAMES = frozenset(
    """
    government forces force army regime opposition rebels russian russia un unicef who ocha unhcr wfp iom msf ngo
    ngos red crescent cross mr mrs ms dr minister president spokesperson spokesman agency cluster partners programme
    program council committee commission office fund organization organisation ministry police nations union
    children save doctors world food health relief rescue refugee refugees coordinator phase christmas ramadan eid
    english arabic french kurdish turkish swahili somali amharic burmese ukrainian rohingya sudanese haitian afghan
    afghans reuters facebook twitter tuesday god allah islamic state borders
    """.split()
)
# A name followed by one of these names a body, not a place ("the Arakan Army", "the Sudan Liberation Movement")
ORGANISATION_WORDS = frozenset("army forces front movement brigade brigades militia party council police".split())
# Border police and guards are people: "Moldovan border police" names no border
BORDER_PEOPLE = frozenset("police guards guard officials authorities agents agency forces troops service".split())
# Who a person named in the text is: "Volodymyr, a 67-year-old from …", "Amina Yusuf, a nurse in Maiduguri"
PERSON_NOUNS = frozenset(
    """nurse teacher mother father farmer doctor student resident widow grandmother grandfather volunteer worker
    official spokesperson spokesman spokeswoman man woman boy girl driver trader herder fisherman midwife pupil
    refugee survivor mechanic shopkeeper pharmacist engineer journalist""".split()
)
# English words that name a kind of camp or site at the start of a sentence ("Transit camps are full"), and the
# endings of English words: a capitalised word opening a sentence before "camp" is a name only without them
CAMP_WORDS = frozenset(
    """transit reception refugee refugees border host main new old temporary informal formal collective military army
    training labour labor detention holding base summer winter work prison relief idp displacement evacuation
    emergency planned spontaneous existing nearby overcrowded several many most some all both other these those the
    such each every large small big camp camps site sites""".split()
)
ENGLISH_ENDINGS = (
    "tion", "sion", "ment", "ness", "ity", "ive", "ous", "ing", "ed", "al", "ary", "ic", "er", "ers", "ship", "ance",
    "ence", "ist", "ism", "ly", "ful", "less", "able", "ible", "ent", "ant",
)  # fmt: skip
