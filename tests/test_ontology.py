"""The ontology files are the data contract: check they parse, declare every term they use,
keep the event-type scheme consistent, and that the SHACL shapes accept a small conforming graph
and reject broken variants on the right path.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
KGO = Namespace("https://w3id.org/kg-explorer/ontology#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SH = Namespace("http://www.w3.org/ns/shacl#")
# A plain Namespace: pytest probes module globals, and rdflib.namespace.XSD warns on that.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
RES = Namespace("https://w3id.org/kg-explorer/resource/")

DECLARATION_TYPES = {
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
}

# Top-level PLOVER categories -> (polarity, CAMEO root code).
PLOVER = {
    "AGREE": (1, "03"),
    "CONSULT": (1, "04"),
    "SUPPORT": (1, "05"),
    "COOPERATE": (1, "06"),
    "AID": (1, "07"),
    "CONCEDE": (1, "08"),
    "RETREAT": (1, "08"),
    "REQUEST": (-1, "10"),
    "DEMAND": (-1, "10"),
    "ACCUSE": (-1, "11"),
    "DISAPPROVE": (-1, "11"),
    "REJECT": (-1, "12"),
    "THREATEN": (-1, "13"),
    "PROTEST": (-1, "14"),
    "SANCTION": (-1, "16"),
    "MOBILIZE": (-1, "15"),
    "COERCE": (-1, "17"),
    "ASSAULT": (-1, "18"),
    "FIGHT": (-1, "19"),
    "INVESTIGATE": (-1, "09"),
}
STANCE_RELATIONS = {"ALIGN": 1, "OPPOSE": -1, "RIVALRY": -1}
# Types of named events that are no act between actors: polarity 0, no quad class.
OCCURRENCES = {"ELECTION": 0}
QUAD_POLARITY = {
    "verbal_coop": 1,
    "material_coop": 1,
    "verbal_conflict": -1,
    "material_conflict": -1,
}

# Every term the data contract names, with the kind of declaration it must have.
CONTRACT = {
    OWL.Class: [
        KGO.Document, KGO.Sentence, KGO.Actor, KGO.Country, KGO.Organization, KGO.Person,
        KGO.Group, KGO.Mention, KGO.Interaction, KGO.Modality, KGO.DateSource, KGO.Claim,
        KGO.Event, KGO.Bloc, KGO.Camp, KGO.AlignmentCluster, KGO.AnalysisRun,
        NIF.Context, NIF.Sentence, SEM.Event, SKOS.Concept, SKOS.ConceptScheme, PROV.Activity,
    ],
    OWL.ObjectProperty: [
        KGO.affiliation, KGO.refersTo, KGO.sentence, KGO.source, KGO.target, KGO.eventType,
        KGO.modality, KGO.dateSource, KGO.partOf, KGO.claimant, KGO.about, KGO.participant,
        KGO.mentionedIn, KGO.member,
        NIF.referenceContext, PROV.wasDerivedFrom, PROV.wasGeneratedBy,
    ],
    OWL.DatatypeProperty: [
        KGO.iso3, KGO.via, KGO.polarity, KGO.confidence, KGO.trigger, KGO.stance, KGO.cue,
        KGO.place, KGO.frustration, KGO.normalisedFrustration, KGO.balanceRatio,
        KGO.parameter, KGO.scope, KGO.quad, KGO.ploverCategory, KGO.cameoRoot,
        NIF.isString, NIF.beginIndex, NIF.endIndex, NIF.anchorOf,
    ],
    OWL.AnnotationProperty: [
        DCTERMS.source, DCTERMS.title, DCTERMS.date, DCTERMS.publisher, DCTERMS.creator,
        SKOS.altLabel,
    ],
    OWL.NamedIndividual: [
        KGO.Asserted, KGO.Reported, KGO.Negated, KGO.Hypothetical, KGO.Recommended,
        KGO.SentenceDate, KGO.EventDate, KGO.DocumentDate,
    ],
}
MODALITIES = [KGO.Asserted, KGO.Reported, KGO.Negated, KGO.Hypothetical, KGO.Recommended]
DATE_SOURCES = [KGO.SentenceDate, KGO.EventDate, KGO.DocumentDate]


def _parse(name: str) -> Graph:
    return Graph().parse(ONTOLOGY_DIR / name, format="turtle")


@pytest.fixture(scope="module")
def kgo() -> Graph:
    return _parse("kgo.ttl")


@pytest.fixture(scope="module")
def event_types() -> Graph:
    return _parse("event-types.ttl")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return _parse("shapes.ttl")


def _kgo_terms(g: Graph) -> set[URIRef]:
    """Every kgo: IRI anywhere in a graph (subjects, predicates, objects, list members)."""
    return {
        t
        for triple in g
        for t in triple
        if isinstance(t, URIRef) and str(t).startswith(str(KGO))
    }


def _declared(kgo: Graph, term: URIRef) -> bool:
    return any(t in DECLARATION_TYPES for t in kgo.objects(term, RDF.type))


def _undocumented(kgo: Graph, terms) -> list[str]:
    """Terms not declared in kgo.ttl with an rdfs:label and an rdfs:comment."""
    return sorted(
        str(t)
        for t in terms
        if not (
            _declared(kgo, t)
            and kgo.value(t, RDFS.label) is not None
            and kgo.value(t, RDFS.comment) is not None
        )
    )


# --------------------------------------------------------------------------------------------
# Parsing and declarations
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["kgo.ttl", "event-types.ttl", "shapes.ttl"])
def test_file_parses_and_is_not_empty(name):
    g = _parse(name)
    assert len(g) > 50, f"{name} parsed to only {len(g)} triples"


def test_ontology_header(kgo):
    onto = URIRef("https://w3id.org/kg-explorer/ontology")
    assert (onto, RDF.type, OWL.Ontology) in kgo
    assert str(kgo.value(onto, OWL.versionInfo)) == "0.1.0"
    assert kgo.value(onto, DCTERMS.title) is not None
    assert kgo.value(onto, RDFS.comment) is not None


def test_shape_terms_are_declared(kgo, shapes):
    terms = _kgo_terms(shapes) - {KGO.EventTypeScheme}
    # kgo: names used inside the SHACL-SPARQL queries count too.
    for query in shapes.objects(None, SH.select):
        terms |= {KGO[name] for name in re.findall(r"\bkgo:(\w+)", str(query))}
    assert terms, "no kgo: terms found in shapes.ttl"
    assert _undocumented(kgo, terms) == []


def test_event_type_terms_are_declared(kgo, event_types):
    # Concepts, the scheme and collections are defined in event-types.ttl itself.
    own = {
        s
        for cls in (SKOS.Concept, SKOS.ConceptScheme, SKOS.Collection)
        for s in event_types.subjects(RDF.type, cls)
    }
    used = _kgo_terms(event_types) - own
    assert KGO.polarity in used and KGO.quad in used
    assert _undocumented(kgo, used) == []
    for term in own:
        assert event_types.value(term, SKOS.prefLabel) is not None, term


@pytest.mark.parametrize(
    ("kind", "term"),
    [(kind, term) for kind, terms in CONTRACT.items() for term in terms],
    ids=lambda v: str(v).rsplit("/", 1)[-1].rsplit("#", 1)[-1],
)
def test_contract_term_declared(kgo, kind, term):
    assert (term, RDF.type, kind) in kgo, f"{term} is not declared as {kind}"
    assert kgo.value(term, RDFS.label) is not None, f"{term} has no rdfs:label"
    assert kgo.value(term, RDFS.comment) is not None, f"{term} has no rdfs:comment"


def test_every_kgo_term_in_kgo_ttl_is_documented(kgo):
    onto_terms = {t for t in _kgo_terms(kgo)}
    assert _undocumented(kgo, onto_terms) == []


def test_class_hierarchy(kgo):
    for sub in (KGO.Country, KGO.Organization, KGO.Person, KGO.Group):
        assert (sub, RDFS.subClassOf, KGO.Actor) in kgo
    for sub in (KGO.Camp, KGO.AlignmentCluster):
        assert (sub, RDFS.subClassOf, KGO.Bloc) in kgo
    assert (KGO.Document, RDFS.subClassOf, NIF.Context) in kgo
    assert (KGO.Sentence, RDFS.subClassOf, NIF.Sentence) in kgo
    assert (KGO.Event, RDFS.subClassOf, SEM.Event) in kgo
    assert (KGO.AnalysisRun, RDFS.subClassOf, PROV.Activity) in kgo


@pytest.mark.parametrize(
    ("cls", "members"), [(KGO.Modality, MODALITIES), (KGO.DateSource, DATE_SOURCES)]
)
def test_closed_individual_lists(kgo, cls, members):
    assert set(kgo.subjects(RDF.type, cls)) == set(members)
    one_of = [
        kgo.value(eq, OWL.oneOf)
        for eq in kgo.objects(cls, OWL.equivalentClass)
        if kgo.value(eq, OWL.oneOf) is not None
    ]
    assert len(one_of) == 1
    assert set(Collection(kgo, one_of[0])) == set(members)


# --------------------------------------------------------------------------------------------
# Event-type scheme
# --------------------------------------------------------------------------------------------


def _concepts(et: Graph) -> set[URIRef]:
    return set(et.subjects(RDF.type, SKOS.Concept))


def test_top_concepts_are_exactly_plover_and_stance(event_types):
    tops = set(event_types.subjects(SKOS.topConceptOf, KGO.EventTypeScheme))
    has_top = set(event_types.objects(KGO.EventTypeScheme, SKOS.hasTopConcept))
    expected = {KGO[n] for n in [*PLOVER, *STANCE_RELATIONS, *OCCURRENCES]}
    assert tops == expected
    assert has_top == expected
    assert (KGO.EventTypeScheme, RDF.type, SKOS.ConceptScheme) in event_types


@pytest.mark.parametrize("name", sorted(PLOVER))
def test_plover_category(event_types, name):
    c = KGO[name]
    polarity, cameo = PLOVER[name]
    assert (c, RDF.type, SKOS.Concept) in event_types
    pol = event_types.value(c, KGO.polarity)
    assert pol is not None and pol.datatype == XSD.integer and pol.toPython() == polarity
    quad = str(event_types.value(c, KGO.quad))
    assert QUAD_POLARITY.get(quad) == polarity, f"{name}: quad {quad} vs polarity {polarity}"
    assert str(event_types.value(c, KGO.ploverCategory)) == name
    assert str(event_types.value(c, KGO.cameoRoot)) == cameo
    assert str(event_types.value(c, SKOS.notation)) == name


@pytest.mark.parametrize("name", sorted(STANCE_RELATIONS))
def test_stance_relation(event_types, name):
    c = KGO[name]
    assert event_types.value(c, KGO.polarity).toPython() == STANCE_RELATIONS[name]
    assert event_types.value(c, KGO.ploverCategory) is None


def test_election_is_a_neutral_occurrence(event_types):
    c = KGO.ELECTION
    assert event_types.value(c, KGO.polarity).toPython() == 0
    assert event_types.value(c, KGO.ploverCategory) is None
    assert (KGO.Occurrences, SKOS.member, c) in event_types


def test_rivalry_alt_label_tension(event_types):
    assert "tension" in {str(a) for a in event_types.objects(KGO.RIVALRY, SKOS.altLabel)}


def test_investigate_notes_the_plover_cameo_disagreement(event_types):
    note = " ".join(str(n) for n in event_types.objects(KGO.INVESTIGATE, SKOS.scopeNote))
    assert "PLOVER" in note and "CAMEO" in note


def test_every_concept_is_well_formed(event_types):
    problems = []
    for c in sorted(_concepts(event_types)):
        name = str(c).rsplit("#", 1)[-1]
        if (c, SKOS.inScheme, KGO.EventTypeScheme) not in event_types:
            problems.append(f"{name}: not in scheme")
        label = event_types.value(c, SKOS.prefLabel)
        if label is None or str(label) != str(label).lower() or label.language != "en":
            problems.append(f"{name}: prefLabel {label!r} is not lower-case English")
        if event_types.value(c, SKOS.definition) is None:
            problems.append(f"{name}: no definition")
        if str(event_types.value(c, SKOS.notation)) != name:
            problems.append(f"{name}: notation is not the local name")
        pol = event_types.value(c, KGO.polarity)
        quad = event_types.value(c, KGO.quad)
        if name in OCCURRENCES:
            if pol is None or pol.toPython() != 0 or quad is not None:
                problems.append(f"{name}: an occurrence has polarity 0 and no quad")
        elif pol is None or pol.toPython() not in (1, -1):
            problems.append(f"{name}: polarity {pol!r}")
        elif quad is None or QUAD_POLARITY.get(str(quad)) != pol.toPython():
            problems.append(f"{name}: quad {quad!r} does not match polarity {pol}")
        is_top = (c, SKOS.topConceptOf, KGO.EventTypeScheme) in event_types
        broader = list(event_types.objects(c, SKOS.broader))
        if is_top == bool(broader):
            problems.append(f"{name}: needs exactly one of topConceptOf / broader")
    assert problems == []


def test_every_concept_reaches_a_top_concept(event_types):
    tops = set(event_types.subjects(SKOS.topConceptOf, KGO.EventTypeScheme))
    for c in _concepts(event_types):
        seen, node = set(), c
        while node not in tops:
            assert node not in seen, f"cycle through {node}"
            seen.add(node)
            parents = list(event_types.objects(node, SKOS.broader))
            assert len(parents) == 1, f"{node} has broader {parents}"
            node = parents[0]


def test_narrower_concepts_inherit_parent_values(event_types):
    narrower = [
        (c, p) for c in _concepts(event_types) for p in event_types.objects(c, SKOS.broader)
    ]
    assert len(narrower) >= 8, "expected the finer concepts (VISIT, MEET, ...)"
    for child, parent in narrower:
        assert (parent, SKOS.narrower, child) in event_types, f"{parent} narrower {child}"
        for p in (KGO.polarity, KGO.quad, KGO.ploverCategory, KGO.cameoRoot):
            assert event_types.value(child, p) == event_types.value(parent, p), (child, p)


# --------------------------------------------------------------------------------------------
# SHACL: a conforming graph and broken variants
# --------------------------------------------------------------------------------------------

# A Philippine article on the South China Sea: two sentences, two country actors, two
# mentions, one interaction. Offsets are code points into nif:isString.
EXAMPLE = """
@prefix kgo:     <https://w3id.org/kg-explorer/ontology#> .
@prefix res:     <https://w3id.org/kg-explorer/resource/> .
@prefix nif:     <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix prov:    <http://www.w3.org/ns/prov#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix owl:     <http://www.w3.org/2002/07/owl#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .

res:doc-3f2a9c1e7b4d5a60 a kgo:Document, nif:Context ;
    nif:isString "Tensions flared again in the South China Sea on Tuesday. Manila accused Beijing of harassing Philippine supply vessels near Second Thomas Shoal." ;
    dcterms:source "articles/2024-06-18-manila-beijing.txt" ;
    dcterms:title "Manila accuses Beijing over Second Thomas Shoal" ;
    dcterms:date "2024-06-18"^^xsd:date ;
    dcterms:publisher "Example News" .

res:doc-3f2a9c1e7b4d5a60-s0 a kgo:Sentence, nif:Sentence ;
    nif:referenceContext res:doc-3f2a9c1e7b4d5a60 ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ;
    nif:endIndex "56"^^xsd:nonNegativeInteger ;
    nif:anchorOf "Tensions flared again in the South China Sea on Tuesday." .

res:doc-3f2a9c1e7b4d5a60-s1 a kgo:Sentence, nif:Sentence ;
    nif:referenceContext res:doc-3f2a9c1e7b4d5a60 ;
    nif:beginIndex "57"^^xsd:nonNegativeInteger ;
    nif:endIndex "144"^^xsd:nonNegativeInteger ;
    nif:anchorOf "Manila accused Beijing of harassing Philippine supply vessels near Second Thomas Shoal." .

res:actor-PHL a kgo:Country ;
    rdfs:label "Philippines" ;
    skos:altLabel "Republic of the Philippines", "Philippine", "Manila" ;
    kgo:iso3 "PHL" ;
    owl:sameAs <http://www.wikidata.org/entity/Q928> .

res:actor-CHN a kgo:Country ;
    rdfs:label "China" ;
    skos:altLabel "People's Republic of China", "Chinese", "Beijing" ;
    kgo:iso3 "CHN" ;
    owl:sameAs <http://www.wikidata.org/entity/Q148> .

res:doc-3f2a9c1e7b4d5a60-m57 a kgo:Mention ;
    kgo:refersTo res:actor-PHL ;
    kgo:sentence res:doc-3f2a9c1e7b4d5a60-s1 ;
    nif:beginIndex "57"^^xsd:nonNegativeInteger ;
    nif:endIndex "63"^^xsd:nonNegativeInteger ;
    nif:anchorOf "Manila" ;
    kgo:via "capital" .

res:doc-3f2a9c1e7b4d5a60-m72 a kgo:Mention ;
    kgo:refersTo res:actor-CHN ;
    kgo:sentence res:doc-3f2a9c1e7b4d5a60-s1 ;
    nif:beginIndex "72"^^xsd:nonNegativeInteger ;
    nif:endIndex "79"^^xsd:nonNegativeInteger ;
    nif:anchorOf "Beijing" ;
    kgo:via "capital" .

res:doc-3f2a9c1e7b4d5a60-i0 a kgo:Interaction ;
    kgo:source res:actor-PHL ;
    kgo:target res:actor-CHN ;
    kgo:eventType kgo:ACCUSE ;
    kgo:polarity -1 ;
    kgo:modality kgo:Asserted ;
    prov:wasDerivedFrom res:doc-3f2a9c1e7b4d5a60-s1 ;
    kgo:confidence 0.85 ;
    kgo:trigger "accused" ;
    nif:beginIndex "64"^^xsd:nonNegativeInteger ;
    nif:endIndex "71"^^xsd:nonNegativeInteger ;
    dcterms:date "2024-06-18"^^xsd:date ;
    kgo:dateSource kgo:DocumentDate .
"""

DOC = RES["doc-3f2a9c1e7b4d5a60"]
S1 = RES["doc-3f2a9c1e7b4d5a60-s1"]
M57 = RES["doc-3f2a9c1e7b4d5a60-m57"]
M72 = RES["doc-3f2a9c1e7b4d5a60-m72"]
I0 = RES["doc-3f2a9c1e7b4d5a60-i0"]
CHN = RES["actor-CHN"]


@pytest.fixture(scope="module")
def example(event_types) -> Graph:
    """The example as the union graph `kg validate` sees: data plus event-types.ttl."""
    g = Graph().parse(data=EXAMPLE, format="turtle")
    g += event_types
    return g


@pytest.fixture(scope="module")
def strict_shapes(shapes) -> Graph:
    """The shapes with the (slow, normally deactivated) anchor shapes switched on."""
    g = Graph()
    g += shapes
    deactivated = list(g.subjects(SH.deactivated, Literal(True)))
    assert deactivated, "expected deactivated anchor shapes"
    for node in deactivated:
        g.remove((node, SH.deactivated, None))
    return g


def _path(g: Graph, node):
    """A SHACL path from a report as a hashable value: IRI, ("^", IRI) or a tuple (sequence)."""
    if isinstance(node, BNode):
        inverse = g.value(node, SH.inversePath)
        if inverse is not None:
            return ("^", _path(g, inverse))
        return tuple(_path(g, item) for item in Collection(g, node))
    return node


def _validate(data: Graph, shapes: Graph):
    pyshacl = pytest.importorskip("pyshacl")
    conforms, report, text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=False
    )
    results = [
        (
            report.value(r, SH.focusNode),
            _path(report, report.value(r, SH.resultPath)),
            report.value(r, SH.resultSeverity),
        )
        for r in report.subjects(RDF.type, SH.ValidationResult)
    ]
    return conforms, results, text


def _mutate(g: Graph, remove: tuple, add: tuple | None = None) -> Graph:
    out = Graph()
    out += g
    s, p, o = remove
    assert list(out.triples((s, p, o))), f"nothing to remove for {remove}"
    out.remove((s, p, o))
    if add is not None:
        out.add(add)
    return out


def test_example_offsets_are_consistent():
    g = Graph().parse(data=EXAMPLE, format="turtle")
    text = str(g.value(DOC, NIF.isString))
    for node in set(g.subjects(NIF.anchorOf, None)):
        b, e = (g.value(node, NIF.beginIndex).toPython(), g.value(node, NIF.endIndex).toPython())
        assert text[b:e] == str(g.value(node, NIF.anchorOf)), node
    b, e = g.value(I0, NIF.beginIndex).toPython(), g.value(I0, NIF.endIndex).toPython()
    assert text[b:e] == str(g.value(I0, KGO.trigger))


def test_example_conforms(example, shapes):
    conforms, results, text = _validate(example, shapes)
    assert conforms, text
    assert results == []


def test_interaction_shape_needs_the_event_type_scheme(shapes):
    # Without event-types.ttl in the validated union, kgo:ACCUSE is not known to be a concept.
    data = Graph().parse(data=EXAMPLE, format="turtle")
    conforms, results, _ = _validate(data, shapes)
    assert not conforms
    assert (I0, KGO.eventType) in {(f, p) for f, p, _ in results}


BROKEN = {
    "polarity-zero": (
        (I0, KGO.polarity, None),
        (I0, KGO.polarity, Literal(0)),
        I0,
        KGO.polarity,
    ),
    "modality-maybe": (
        (I0, KGO.modality, None),
        (I0, KGO.modality, KGO.Maybe),
        I0,
        KGO.modality,
    ),
    "sentence-end-before-begin": (
        (S1, NIF.endIndex, None),
        (S1, NIF.endIndex, Literal(50, datatype=XSD.nonNegativeInteger)),
        S1,
        NIF.beginIndex,
    ),
    "confidence-as-double": (
        (I0, KGO.confidence, None),
        (I0, KGO.confidence, Literal(0.85)),  # a Python float is xsd:double
        I0,
        KGO.confidence,
    ),
    "confidence-above-one": (
        (I0, KGO.confidence, None),
        (I0, KGO.confidence, Literal(Decimal("1.5"))),
        I0,
        KGO.confidence,
    ),
    "date-source-unknown": (
        (I0, KGO.dateSource, None),
        (I0, KGO.dateSource, KGO.GuessedDate),
        I0,
        KGO.dateSource,
    ),
    "event-type-not-a-concept": (
        (I0, KGO.eventType, None),
        (I0, KGO.eventType, KGO.SHOUT),
        I0,
        KGO.eventType,
    ),
    "target-not-an-actor": (
        (I0, KGO.target, None),
        (I0, KGO.target, S1),
        I0,
        KGO.target,
    ),
    "iso3-lower-case": (
        (CHN, KGO.iso3, None),
        (CHN, KGO.iso3, Literal("chn")),
        CHN,
        KGO.iso3,
    ),
    "country-without-wikidata": (
        (CHN, OWL.sameAs, None),
        None,
        CHN,
        OWL.sameAs,
    ),
    "mention-starts-before-sentence": (
        (M57, NIF.beginIndex, None),
        (M57, NIF.beginIndex, Literal(50, datatype=XSD.nonNegativeInteger)),
        M57,
        (KGO.sentence, NIF.beginIndex),
    ),
    "mention-ends-after-sentence": (
        (M72, NIF.endIndex, None),
        (M72, NIF.endIndex, Literal(150, datatype=XSD.nonNegativeInteger)),
        S1,
        (("^", KGO.sentence), NIF.endIndex),
    ),
    "trigger-outside-evidence-sentence": (
        (I0, NIF.beginIndex, None),
        (I0, NIF.beginIndex, Literal(7, datatype=XSD.nonNegativeInteger)),
        I0,
        (PROV.wasDerivedFrom, NIF.beginIndex),
    ),
    "offset-as-plain-integer": (
        (M57, NIF.endIndex, None),
        (M57, NIF.endIndex, Literal(63)),
        M57,
        NIF.endIndex,
    ),
    "sentence-without-document": (
        (S1, NIF.referenceContext, None),
        None,
        S1,
        NIF.referenceContext,
    ),
    "document-without-text": (
        (DOC, NIF.isString, None),
        None,
        DOC,
        NIF.isString,
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_variant_is_rejected_on_path(example, shapes, case):
    remove, add, focus, path = BROKEN[case]
    data = _mutate(example, remove, add)
    conforms, results, text = _validate(data, shapes)
    assert not conforms, f"{case}: broken graph conforms"
    violations = {(f, p) for f, p, sev in results if sev == SH.Violation}
    assert (focus, path) in violations, f"{case}: no violation on {path} of {focus}:\n{text}"


# Anchor texts are checked only by the strict (SHACL-SPARQL) shapes.
STRICT_BROKEN = {
    "mention-anchor-wrong": (M57, Literal("Manilla")),
    "sentence-anchor-wrong": (S1, Literal("Manila accused Beijing.")),
}


@pytest.mark.parametrize("case", sorted(STRICT_BROKEN))
def test_wrong_anchor_is_rejected_in_strict_mode_only(example, shapes, strict_shapes, case):
    node, anchor = STRICT_BROKEN[case]
    data = _mutate(example, (node, NIF.anchorOf, None), (node, NIF.anchorOf, anchor))
    conforms, _, text = _validate(data, shapes)
    assert conforms, f"default shapes should not run the anchor check:\n{text}"
    conforms, results, text = _validate(data, strict_shapes)
    assert not conforms
    assert (node, NIF.anchorOf, SH.Violation) in results, text


def test_example_conforms_in_strict_mode(example, strict_shapes):
    conforms, _, text = _validate(example, strict_shapes)
    assert conforms, text


def test_claim_with_document_claimant_conforms(example, shapes):
    """A claim in the author's own voice names the document as claimant."""
    g = Graph()
    g += example
    claim = RES["doc-3f2a9c1e7b4d5a60-c0"]
    g.add((claim, RDF.type, KGO.Claim))
    g.add((claim, KGO.claimant, DOC))
    g.add((claim, KGO.about, CHN))
    g.add((claim, KGO.stance, Literal(-1)))
    g.add((claim, KGO.modality, KGO.Asserted))
    g.add((claim, PROV.wasDerivedFrom, S1))
    g.add((claim, RDFS.label, Literal("Beijing harassed Philippine supply vessels")))
    conforms, _, text = _validate(g, shapes)
    assert conforms, text
    g.set((claim, KGO.stance, Literal(2)))
    conforms, results, _ = _validate(g, shapes)
    assert not conforms and (claim, KGO.stance) in {(f, p) for f, p, _ in results}


def test_bloc_members_must_be_actors(example, shapes):
    g = Graph()
    g += example
    run, camp = RES["analysis/run-1"], RES["analysis/run-1/camp-0"]
    g.add((run, RDF.type, KGO.AnalysisRun))
    g.add((run, KGO.parameter, Literal("min_confidence=0.5")))
    g.add((run, KGO.scope, Literal("all")))
    g.add((camp, RDF.type, KGO.Camp))
    g.add((camp, KGO.member, CHN))
    g.add((camp, PROV.wasGeneratedBy, run))
    g.add((camp, KGO.frustration, Literal(Decimal("0"))))
    conforms, _, text = _validate(g, shapes)
    assert conforms, text
    g.add((camp, KGO.member, BNode()))
    conforms, results, _ = _validate(g, shapes)
    assert not conforms and (camp, KGO.member) in {(f, p) for f, p, _ in results}


# pyshacl reaches Dataset APIs that rdflib 7 deprecates; not ours to fix.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dataset_with_named_graphs_is_validated_as_union(example, shapes):
    """Actors in their own named graph, as `kg build` writes them: links across graphs hold."""
    from rdflib import Dataset

    ds = Dataset()
    actors = ds.graph(RES["graph/actors"])
    docs = ds.graph(RES["graph/doc-3f2a9c1e7b4d5a60"])
    for s, p, o in example:
        (actors if str(s).startswith(str(RES["actor-"])) else docs).add((s, p, o))
    assert len(actors) > 0 and len(docs) > 0
    conforms, _, text = _validate(ds, shapes)
    assert conforms, text
    docs.set((I0, KGO.polarity, Literal(0)))
    conforms, results, _ = _validate(ds, shapes)
    assert not conforms and (I0, KGO.polarity) in {(f, p) for f, p, _ in results}


def _duplicate_keys(path):
    """Keys given twice in one mapping of a YAML file (YAML keeps the last one silently)."""
    import yaml

    found = []

    class Checking(yaml.SafeLoader):
        def construct_mapping(self, node, deep=False):
            seen = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                if key in seen:
                    found.append((key, key_node.start_mark.line + 1))
                seen.add(key)
            return super().construct_mapping(node, deep)

    with open(path, encoding="utf-8") as fh:
        yaml.load(fh, Loader=Checking)  # noqa: S506 - a safe loader
    return found


def test_no_shipped_yaml_file_gives_a_key_twice():
    from graph.resources import ontology_dir

    files = sorted(ontology_dir().rglob("*.yaml"))
    assert files
    duplicated = {str(f.relative_to(ontology_dir())): d for f in files if (d := _duplicate_keys(f))}
    assert duplicated == {}


def test_the_duplicate_key_check_finds_a_key_given_twice(tmp_path):
    data = tmp_path / "lexicon.yaml"
    data.write_text("nouns:\n  snub: {type: REJECT}\n  rebuke: {type: CRITICIZE}\n  snub: {type: REJECT}\n")
    assert _duplicate_keys(data) == [("snub", 4)]
