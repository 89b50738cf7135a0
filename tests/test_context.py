"""Interactions whose other party only the discourse gives (graph.extract.interactions,
``_from_context``): retaliation against the last attacker, interceptions of weapons nobody in
the sentence owns, and sanctions whose imposer or target was named before.

Every sentence here is written for these tests.
"""

from graph.pipeline import process_text


def rows(text, **kw):
    """{(source, target, event type, polarity, modality)} of a text's interactions."""
    return {(i.source, i.target, i.event_type, i.polarity, i.modality)
            for i in process_text(text, **kw).interactions}


def in_sentence(text, index):
    """{(source, target, polarity)} of the interactions of sentence ``index``."""
    return {(i.source, i.target, i.polarity)
            for i in process_text(text).interactions if i.sentence == index}


# -- retaliation -------------------------------------------------------------------------------

def test_retaliation_is_against_the_last_attacker():
    text = "Iranian missiles struck an air base in northern Israel on Monday. Israel vowed to retaliate."
    assert in_sentence(text, 1) == {("ISR", "IRN", -1)}


def test_an_order_to_retaliate_goes_to_the_attacker_of_the_ordering_side():
    text = ("Syrian artillery shelled Turkish border posts overnight. "
            "The Turkish president said he had ordered the army to retaliate.")
    assert ("TUR", "SYR", -1) in in_sentence(text, 1)


def test_retaliation_looks_past_attacks_by_the_subjects_own_side():
    text = ("Pakistani jets bombed camps in Afghanistan. Afghan forces then shelled Pakistani posts. "
            "Pakistan vowed to retaliate.")
    assert in_sentence(text, 2) == {("PAK", "AFG", -1)}


def test_no_retaliation_without_an_earlier_attack():
    text = "Chile thanked Peru for its help. Chile said it was ready to retaliate."
    assert in_sentence(text, 1) == set()


def test_no_retaliation_against_an_attack_on_someone_else():
    text = "Russian drones hit a power plant in Ukraine. Belarus vowed to retaliate."
    assert in_sentence(text, 1) == set()


def test_an_attack_too_far_back_is_forgotten():
    filler = " ".join(f"Officials met on day {n}." for n in range(13))
    text = f"Iranian drones struck Israel. {filler} Israel vowed to retaliate."
    assert not any(i.sentence == 14 for i in process_text(text).interactions)


# -- interceptions -----------------------------------------------------------------------------

def test_intercepted_weapons_belong_to_the_last_attacker():
    text = "Hezbollah fired rockets at Israel overnight. Israeli air defences intercepted most of the rockets."
    assert ("ISR", "hezbollah", "INTERCEPT", -1, "Asserted") in rows(text)


def test_several_interception_verbs_and_a_number():
    text = ("Russia launched a large drone attack on Ukraine. "
            "Ukrainian air defences shot down and jammed 320 drones and 12 missiles.")
    assert in_sentence(text, 1) == {("UKR", "RUS", -1)}


def test_owned_weapons_are_read_by_the_usual_patterns():
    text = "Iranian missiles struck Israel. Israel said it shot down 12 Iranian drones."
    assert ("ISR", "IRN", "INTERCEPT", -1, "Asserted") not in rows(text)
    assert ("ISR", "IRN", -1) in in_sentence(text, 1)


def test_destroying_something_that_is_no_weapon_takes_no_target_from_context():
    text = "Iranian missiles struck Israel. Israeli jets destroyed a bridge near the border."
    assert in_sentence(text, 1) == set()


def test_interception_does_not_replace_the_attack_that_later_text_refers_to():
    # "the attack" in the last sentence is still Iran's attack on Israel (source first), not
    # Israel's interception of the missiles
    text = ("Iranian missiles struck Israel on Sunday. Israeli air defences intercepted most of the "
            "missiles. The Jordanian foreign minister said the attack was a grave escalation.")
    claims = [c for c in process_text(text).claims if c.sentence == 2]
    assert claims and claims[0].about[:2] == ["IRN", "ISR"]


# -- sanctions ---------------------------------------------------------------------------------

SANCTIONS = "The United States imposed sanctions on Venezuela in 2019."


def test_lifting_sanctions_is_a_concession_to_the_last_target():
    text = SANCTIONS + " Officials said Washington is now lifting sanctions."
    assert ("USA", "VEN", 1) in in_sentence(text, 1)
    assert any(r[:3] == ("USA", "VEN", "CONCEDE") for r in rows(text))


def test_facing_sanctions_names_the_last_imposer():
    text = SANCTIONS + " Some Venezuelan officers will still face sanctions."
    assert ("USA", "VEN", -1) in in_sentence(text, 1)


def test_a_new_round_of_owned_sanctions_keeps_its_target():
    text = SANCTIONS + " The crackdown led to a new round of American sanctions."
    assert ("USA", "VEN", -1) in in_sentence(text, 1)


def test_sanctions_by_a_side_that_sanctioned_nobody_are_left_alone():
    text = SANCTIONS + " Venezuela said sanctions were hurting ordinary people."
    assert in_sentence(text, 1) == set()


def test_sanctions_without_any_earlier_sanctions_are_left_alone():
    assert in_sentence("Peru thanked Chile. Chile is lifting sanctions.", 1) == set()


# -- "our two sides" in attributed speech -------------------------------------------------------

def test_our_two_sides_are_the_speaker_and_the_one_other_side_named_before():
    text = ("The Indian prime minister will visit Beijing next week. “We have a tradition of "
            "exchanges and our two sides are maintaining communication,” the Chinese foreign ministry said.")
    assert {("CHN", "IND", 1), ("IND", "CHN", 1)} <= in_sentence(text, 1)


def test_our_two_sides_stay_unresolved_when_two_other_sides_were_named():
    text = ("Peru thanked Bolivia for its help. “Our two sides are maintaining communication,” "
            "the Chilean foreign ministry said.")
    assert in_sentence(text, 1) == set()


def test_our_two_sides_outside_attributed_speech_are_left_alone():
    text = "Peru thanked Bolivia. Our two sides are maintaining communication."
    assert in_sentence(text, 1) == set()


def test_communication_between_two_states_is_consultation():
    assert ("CHL", "PER", "CONSULT", 1, "Asserted") in rows(
        "Lines of communication between Peru and Chile remain open.")
    assert ("CHL", "PER", "CONSULT", 1, "Asserted") in rows(
        "Peru and Chile have kept up contacts since the summit.")


# -- quotations over several sentences ----------------------------------------------------------

def test_a_quotation_closed_by_an_attribution_later_is_reported_throughout():
    text = ("“Peru and Chile have deepened their cooperation. We welcome that,” the Brazilian "
            "foreign minister said.")
    assert ("CHL", "PER", "COOPERATE", 1, "Reported") in rows(text)
    assert ("CHL", "PER", "COOPERATE", 1, "Asserted") not in rows(text)


def test_a_quotation_without_a_closing_attribution_keeps_its_modality():
    text = ("The Brazilian foreign minister spoke on Monday. “Peru and Chile have deepened their "
            "cooperation. We welcome that.”")
    assert ("CHL", "PER", "COOPERATE", 1, "Asserted") in rows(text)


def test_a_sentence_outside_the_quotation_keeps_its_modality():
    text = ("Peru and Chile have deepened their cooperation. “We welcome that. It is good news,” "
            "the Brazilian foreign minister said.")
    assert ("CHL", "PER", "COOPERATE", 1, "Asserted") in rows(text)
