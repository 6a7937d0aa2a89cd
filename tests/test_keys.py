"""Name keys: variants share a key, the normaliser never crashes (property-based)."""

from hypothesis import given
from hypothesis import strategies as st

from newsledger.entities import keys


def test_variants_share_a_blocking_key():
    assert keys.blocking_keys("Asma Mehmood", "PERSON") & keys.blocking_keys(
        "Asma Mahmood", "PERSON"
    )
    accented, plain = (
        keys.blocking_keys("Ana Sánchez", "PERSON"),
        keys.blocking_keys("Ana Sanchez", "PERSON"),
    )
    assert accented & plain
    a = keys.blocking_keys("Jamaat-e-Islami Front", "ORG")
    assert a & keys.blocking_keys("Jamaat-i-Islami Front", "ORG")


def test_different_people_sharing_a_name_part_do_not_share_fuzzy_keys():
    a = keys.blocking_keys("Khalid Javed", "PERSON")
    b = keys.blocking_keys("Javed Khalid", "PERSON")
    assert not a & b


def test_acronym_of_a_name():
    assert keys.acronym("Coastal Liberation Front") == "CLF"
    assert keys.acronym("Movement for the Defence of Rights") == "MDR"


@given(st.text(max_size=60))
def test_normalising_never_crashes_and_is_idempotent(text):
    once = keys.norm(text)
    assert keys.norm(once) == once
    keys.blocking_keys(text, "ORG")
    keys.blocking_keys(text, "PERSON")
