"""Troop and force movements (PLOVER MOBILIZE) by the motion class of event_motion.yaml: verbs and nouns of
sending, placing and moving code a deployment only when a force moves (forces.py); the sender is the actor,
the destination the recipient (motion.py). The same verbs moving aid, envoys, letters or goods do not."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

CodedEvents = Callable[[str, str], list[Any]]  # conftest.coded_events: Coded rows

PUB = "2024-05-01"


def _mobilized(coded_events: CodedEvents, text: str) -> list[Any]:
    return [c for c in coded_events(text, PUB) if c.type == "MOBILIZE"]


# (text, a word of the actor's name or None for no actor, a word of a recipient's name or None, mode)
DEPLOYED = [
    # verbs of sending (VerbNet send-11.1, bring-11.3): the object is the force
    ("Russia sent 3,000 troops to the border with Ukraine on Monday.", "russia", "ukraine", "troops"),
    ("The Pentagon dispatched two warships to the Black Sea on Tuesday.", "defense", None, "troops"),
    ("Israel rushed reinforcements to the north after the clashes.", "israel", None, "troops"),
    (
        "Washington dispatched an aircraft carrier to the eastern Mediterranean.",
        "united states",
        None,
        "troops",
    ),
    ("Nigeria sent police officers to the restive state.", "nigeria", None, "police"),
    ("The government sent a force of 500 police to the region.", "government", None, "police"),
    ("Britain sent its forces to the Gulf.", "united kingdom", None, "troops"),
    ("Hezbollah sent fighters to Syria to support the government.", "hezbollah", None, "troops"),
    ("The navy sent a submarine to the Gulf.", "navy", None, "troops"),
    ("Russian paratroopers were flown to the capital on Thursday.", "paratroopers", None, "troops"),
    ("The junta rushed armoured vehicles into the streets.", "junta", None, "troops"),
    # phrasal members and particles the parser reads as prepositions
    ("The governor called out the National Guard after the riots.", "governor", None, "troops"),
    ("The mayor called in the army to restore order.", "mayor", None, "troops"),
    ("The government sent in troops to end the siege.", "government", None, "troops"),
    # verbs of placing and gathering (put-9.1, slide-11.2, herd-47.5.2): equipment counts too
    ("Iran moved tanks and artillery toward the Iraqi frontier.", "iran", None, "troops"),
    ("China massed troops along the disputed border.", "china", None, "troops"),
    ("The government deployed riot police to the capital.", "government", None, "police"),
    ("Turkey stationed fighter jets at its base near the border.", "turkey", None, "troops"),
    ("Pakistan redeployed two brigades to the western border.", "pakistan", None, "troops"),
    ("North Korea moved missiles to its east coast.", "north korea", None, "weapons"),
    ("Moscow has deployed S-400 air defence systems to Crimea.", "russia", None, "weapons"),
    ("Russia moved tanks to the border with Ukraine.", "russia", "ukraine", "troops"),
    ("The rebels moved their fighters into the hills.", "rebels", None, "troops"),
    ("The army marshaled its forces along the river.", "army", None, "troops"),
    ("Ukraine's army redeployed its forces to the east.", "ukraine", None, "troops"),
    # a state or an armed body sends its own: "units" and "ships" need no qualifier
    ("The army sent units into the city.", "army", None, "troops"),
    # passives: the "by" agent sends; without one the force itself (with its state) is the actor
    ("Troops were sent to the province by the defence ministry.", "defence ministry", None, "troops"),
    ("About 500 US marines were deployed to the embassy in Baghdad.", "marines", None, "troops"),
    # verbs of self-motion (run-51.3.2, escape-51.1) with a destination: the subject is the force
    ("Turkish troops moved into northern Syria on Sunday.", "turkish troops", None, "troops"),
    ("Thousands of soldiers poured into the region overnight.", "soldiers", None, "troops"),
    ("Hundreds of National Guard troops headed to the southern border.", "guard", None, "troops"),
    ("India's troops moved closer to the Line of Control.", "india", None, "troops"),
    ("Around 200 soldiers arrived in the capital on Tuesday.", "soldiers", None, "troops"),
    ("US Marines landed in Haiti on Sunday.", "marines", None, "troops"),
    ("Israeli forces pushed deeper into Gaza on Monday.", "israeli forces", None, "troops"),
    ("Chinese warships sailed near the island on Friday.", "chinese warships", None, "troops"),
    ("Large Georgian military convoys headed toward the region.", None, None, "troops"),
    # nominal forms: the force is the "of" complement or a modifier
    (
        "The deployment of 3,000 US troops to Germany was announced on Friday.",
        "us troops",
        "germany",
        "troops",
    ),
    ("The movement of Russian troops near the border worried Kiev.", "russian troops", None, "troops"),
    ("NATO reported a buildup of Russian troops near the border.", "russian troops", None, "troops"),
    ("The Pentagon ordered a surge of 30,000 troops to Afghanistan.", "defense", "afghanistan", "troops"),
]


@pytest.mark.parametrize(("text", "actor", "recipient", "mode"), DEPLOYED)
def test_force_moved_is_mobilize(
    coded_events: CodedEvents, text: str, actor: str | None, recipient: str | None, mode: str
) -> None:
    found = [c for c in _mobilized(coded_events, text) if c.rule.startswith("motion:force:")]
    assert len(found) == 1, coded_events(text, PUB)
    event = found[0]
    assert event.mode == mode
    if actor is None:
        assert event.actors == []
    else:
        assert any(actor in a.lower() for a in event.actors), event
    if recipient is not None:
        assert any(recipient in r.lower() for r in event.recipients), event
    # the force moved is never its own recipient
    assert not any(w in r.lower() for r in event.recipients for w in ("troops", "marines", "soldiers"))


# (text, the type coded instead, or None for no event of that sentence's verb)
NOT_DEPLOYED = [
    # the same verbs moving aid, envoys, letters, goods, people of other trades
    ("Japan sent aid to the flood victims.", "AID"),
    ("The United States sent humanitarian aid to Gaza.", "AID"),
    ("Germany sent weapons to Ukraine.", "AID"),
    # equipment handed to another party is an arms transfer, not a deployment
    ("The United States sent Abrams tanks to Ukraine.", "AID"),
    ("France sent its ambassador to Moscow for talks.", None),
    ("Biden sent a letter to Congress on Tuesday.", None),
    ("The president sent a message to the protesters.", None),
    ("The company moved its headquarters to Texas.", None),
    ("The coach sent three players to the club's academy.", None),
    ("The ministry dispatched a team of doctors to the region.", None),
    ("The ministry deployed new software across its offices.", None),
    ("The bank transferred funds to the account.", None),
    ("The airline moved 300 jets to its new hub.", None),
    ("The president called the soldiers heroes.", None),
    # force words that are something else
    ("Market forces moved prices higher.", None),
    ("Thousands of protesters poured into the streets of the capital.", None),
    ("A political movement swept into power.", None),
    # withdrawals: the lexicon's own entries code RETREAT
    ("Russia withdrew its troops from the border.", "RETREAT"),
    ("The US pulled its forces out of Afghanistan.", "RETREAT"),
    ("Britain will bring its troops home from Iraq.", None),
    # peacekeepers are peacekeeping (AID), and shipped out a withdrawal (SANCTION)
    ("The UN sent peacekeepers to the region.", None),
    ("Eighty UN peacekeepers were shipped out of the enclave on Friday.", "SANCTION"),
    # care, custody or a call-out
    ("The wounded soldiers were flown to Germany for treatment.", None),
    ("The soldiers were moved to a military hospital.", None),
    ("Police officers were dispatched to the scene after the shooting.", None),
    ("Police were called in after the fight.", None),
    ("The court brought the soldiers to justice.", None),
    ("The coalition worked at reducing the influx of foreign fighters.", None),
    # no destination, or a description of where forces are
    ("The army moved to quell the unrest in the north.", "COERCE"),
    ("US troops stationed in Germany held a ceremony.", None),
    ("Upon their arrival, the officers found the house empty.", None),
]


@pytest.mark.parametrize(("text", "other"), NOT_DEPLOYED)
def test_nothing_or_something_else_moved(coded_events: CodedEvents, text: str, other: str | None) -> None:
    coded = coded_events(text, PUB)
    assert not [c for c in coded if c.type == "MOBILIZE"], coded
    if other is not None:
        assert other in {c.type for c in coded}, coded


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # agreeing to send forces to another state is an offer (PLOVER AID counts troops as help) ...
        ("Kenya agreed on Monday to send police to Haiti.", "AGREE"),
        # ... announcing a deployment to one's own territory or a place is a show of force
        ("Russia vowed to deploy missiles to Kaliningrad.", "THREATEN"),
    ],
)
def test_announced_deployment(coded_events: CodedEvents, text: str, type_: str) -> None:
    coded = coded_events(text, PUB)
    assert [c.type for c in coded] == [type_], coded
    assert "motion:force:" in coded[0].rule
