"""Pronouns and descriptions resolved from the discourse (graph.actors.coref): a subject is
not an actor named again in its own clause, a fronted phrase describes the subject, and
"it has been trying" refers.

Every sentence here is written for these tests.
"""

from graph.pipeline import process_text


def refs(text, surface):
    """[(actor, via)] of the mentions whose text is ``surface``."""
    return [(m.actor, m.via) for m in process_text(text).mentions if m.text == surface]


def test_a_subject_description_is_not_the_actor_named_later_in_its_clause():
    text = ("Sudan wants better ties. On Friday, the US administration will announce a new Sudan "
            "policy. For the first time in decades, the nation will be able to trade with the United States.")
    assert refs(text, "the nation") == [("SDN", "description")]


def test_a_subject_pronoun_is_not_the_actor_named_later_in_its_clause():
    text = "Washington has offered Cuba new talks. It wants to trade with the United States again."
    assert refs(text, "It") == [("CUB", "pronoun")]


def test_an_actor_named_in_a_later_clause_does_not_block_the_subject():
    # "Moscow" stands in the relative clause, not in the clause of "it"
    text = ("Russia has long backed Iran. It has criticized the United States for new sanctions, "
            "which Moscow opposed.")
    assert refs(text, "It") == [("RUS", "pronoun")]


def test_a_possessive_may_name_the_actor_of_its_clause():
    text = "Iran held a parade. Its army showed new missiles to Iran's allies."
    assert refs(text, "Its") == [("IRN", "pronoun")]


def test_a_fronted_apposition_does_not_hold_the_antecedent():
    text = ("Russia has long backed Iran. One of the powers trying to stop Iran from building a bomb, "
            "it has criticized the United States for new sanctions.")
    assert refs(text, "it") == [("RUS", "pronoun")]
    rows = {(i.source, i.target, i.polarity) for i in process_text(text).interactions}
    assert ("RUS", "USA", -1) in rows and ("IRN", "USA", -1) not in rows


def test_a_fronted_clause_can_hold_the_antecedent():
    text = "Chile met Peru. After Iran fired missiles at Israel, it said the strikes were over."
    assert refs(text, "it") == [("IRN", "pronoun")]


def test_a_progressive_it_refers():
    text = "Norway hosted the talks. It has been trying to bring Colombia and the rebels together."
    assert refs(text, "It") == [("NOR", "pronoun")]


def test_dummy_it_with_a_participle_still_does_not_refer():
    text = "Norway hosted the talks. It has been reported that Colombia will attend."
    assert refs(text, "It") == []


def test_the_regime_is_the_actor_last_named_with_that_noun():
    text = ("The envoy said Russia and the Syrian regime were blocking aid. "
            "The regime must take responsibility for the suffering.")
    assert refs(text, "The regime") == [("SYR", "description")]


def test_the_government_follows_a_possessive_with_that_noun():
    text = "Russia and Iran's government signed a deal. The government said the deal would last."
    assert refs(text, "The government") == [("IRN", "description")]


def test_without_that_noun_the_description_takes_the_subject():
    text = "Russia backed Syria. The country said the deal would last."
    assert refs(text, "The country") == [("RUS", "description")]


def test_its_after_a_resolved_description_takes_the_same_actor():
    text = ("The envoy said Russia and the Syrian regime were blocking aid. "
            "The regime must answer for its choices.")
    assert refs(text, "its") == [("SYR", "pronoun")]


def test_the_kingdom_is_the_last_state_named_with_kingdom_in_its_names():
    text = "Saudi Arabia hosted the talks. The kingdom said it would back the deal."
    assert refs(text, "The kingdom") == [("SAU", "description")]


def test_the_islamic_republic_is_the_last_such_state_named():
    text = "Iran rejected the offer. Washington kept pressuring the Islamic Republic to stop enrichment."
    assert refs(text, "the Islamic Republic") == [("IRN", "description")]


def test_the_kingdom_without_a_kingdom_named_stays_unlinked():
    text = "Peru rejected the offer. The kingdom said it would act."
    assert refs(text, "The kingdom") == []


def test_the_kingdom_skips_states_that_are_not_kingdoms():
    text = "Jordan hosted Egypt and Iraq. The kingdom said the meeting went well."
    assert refs(text, "The kingdom") == [("JOR", "description")]


def test_the_kingdom_does_not_reach_far_back():
    filler = " ".join(f"Officials met on day {n}." for n in range(11))
    text = f"Morocco hosted the talks. {filler} The kingdom said it would act."
    assert refs(text, "The kingdom") == []
