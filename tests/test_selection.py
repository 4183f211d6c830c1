from __future__ import annotations

import random

import pytest

from explainer.views.selection import claims_involving, events_involving, quick_picks


def test_one_official_leaves_only_his_events_and_claims(real):
    events = events_involving(real, ["park_il"])
    claims = claims_involving(real, ["park_il"])
    assert [e.id for e in events] == [e.id for e in real.events if "park_il" in e.actors]
    assert events and all("park_il" in e.actors for e in events)
    assert claims and all("park_il" in c.attribution + c.about for c in claims)
    others = [c for c in real.claims if c not in claims]
    assert all("park_il" not in c.attribution + c.about for c in others)


def test_several_actors_are_a_union(real):
    both = {c.id for c in claims_involving(real, ["park_il", "kevin_kim"])}
    park = {c.id for c in claims_involving(real, ["park_il"])}
    kim = {c.id for c in claims_involving(real, ["kevin_kim"])}
    assert both == park | kim and park and kim


def test_no_actor_chosen_shows_nothing(real):
    assert events_involving(real, []) == ()
    assert claims_involving(real, []) == ()


def test_quick_picks_cover_everyone_and_each_side(real):
    picks = quick_picks(real)
    assert set(picks["All actors"]) == {a.id for a in real.actors}
    assert set(picks["North Korea"]) == {"north_korea", "kim_jong_un"}
    assert "kevin_kim" in picks["United States"] and "kevin_kim" not in picks["South Korea"]
    grouped = [a for name, ids in picks.items() if name != "All actors" for a in ids]
    assert sorted(grouped) == sorted(a.id for a in real.actors)


def test_unknown_actor_is_named_in_the_error(real):
    with pytest.raises(ValueError, match="kim_jong_il"):
        claims_involving(real, ["park_il", "kim_jong_il"])


def test_any_choice_gives_the_records_of_the_rule_in_the_packages_order(real):
    """The selection is read from an index built once per package; it must give exactly what
    the rule says, record by record, for any choice of actors, with no record twice."""
    rng = random.Random(3)
    ids = [a.id for a in real.actors]
    for _ in range(200):
        chosen = set(rng.sample(ids, rng.randint(0, len(ids))))
        assert events_involving(real, chosen) == tuple(
            e for e in real.events if chosen & set(e.actors)
        )
        assert claims_involving(real, chosen) == tuple(
            c for c in real.claims if chosen & set(c.attribution + c.about)
        )
