"""Events Herald missed entirely (issue 10, branch missed): trigger classes grown from the PLOVER manual's
definitions (docs/quality-missed.md) — arms transfers as AID, help and humanitarian responses given or
increased, cooperation and ties improved or cut, captives released whatever their trade, armed forces
readying for combat, revived claims, and a nominalisation's "of" theme as its modifier. Sentences are
written for these tests; each class has rows where nothing (or nothing of that type) must be coded: the
same words in sports, business and everyday senses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

CodedEvents = Callable[[str, str], list[Any]]  # conftest.coded_events: Coded rows
PUB = "2018-04-06"


@pytest.mark.parametrize(
    "text,type_,actor,recipient",
    [
        # arms transfers: PLOVER AID "military and police assistance including arms"
        ("The United States approved the sale of 40 fighter jets to Egypt.", "AID", "United States", "Egypt"),
        ("Washington cleared an arms sale to Taiwan.", "AID", "United States", "Taiwan"),
        ("Russia sold advanced air-defence missiles to Syria last year.", "AID", "Russia", "Syria"),
        ("France sold howitzers to the Lebanese army.", "AID", "France", "Lebanese"),
        # help and humanitarian responses, given or increased
        (
            "The UN refugee agency stepped up help for Venezuelans arriving in Brazil.",
            "AID",
            "United Nations",
            None,
        ),
        ("Japan sent help to the flood victims in Bangladesh.", "AID", "Japan", None),
        (
            "UNHCR is ramping up the humanitarian response for refugees in Uganda.",
            "AID",
            "United Nations",
            None,
        ),
        # cooperation and ties improved (SUPPORT / COOPERATE) or cut (SANCTION)
        ("China and Russia strengthened military cooperation.", "COOPERATE", "China", None),
        ("India and Japan agreed to deepen security cooperation.", "AGREE", "India", None),
        ("China and Russia will continue to strengthen coordination.", "AGREE", "China", None),
        ("Turkey strengthened ties with Qatar.", "SUPPORT", "Turkey", "Qatar"),
        ("Egypt and Sudan improved diplomatic relations.", "SUPPORT", "Egypt", None),
        ("Bahrain cut ties with Iran.", "SANCTION", "Bahrain", "Iran"),
        # captives released whatever their trade
        ("The militants released the kidnapped engineers.", "RETREAT", "militants", None),
        ("Boko Haram released the abducted girls on Wednesday.", "RETREAT", "Boko Haram", None),
        ("Somali pirates released the crew of the hijacked tanker.", "RETREAT", "pirates", None),
        # armed forces readying for combat: MOBILIZE
        ("The army prepared for an offensive on the rebel stronghold.", "MOBILIZE", "army", None),
        ("Syrian troops prepared to storm the town.", "MOBILIZE", "Syrian", None),
        # going somewhere for talks is the consultation
        (
            "U.S. and Russian negotiators return to Geneva this week for talks on missiles.",
            "CONSULT",
            "negotiators",
            None,
        ),
        ("Officials from Kenya and Somalia sat down for talks in Nairobi.", "CONSULT", "", None),
        (
            "Iran's foreign minister headed to Moscow on Monday for talks with Sergei Lavrov.",
            "CONSULT",
            "Zarif",
            "Lavrov",
        ),
        # a ban on selling a thing at home restricts people (COERCE); a ban on trade with a party is SANCTION
        ("Beijing banned online sales of the Bible.", "COERCE", "China", None),
        ("The government banned the sale of alcohol during the festival.", "COERCE", "government", None),
        ("The EU banned arms sales to Saudi Arabia.", "SANCTION", "European Union", None),
        ("China banned imports of Japanese seafood.", "SANCTION", "China", None),
        # one sentence per PLOVER mode that had no trigger (the manual's mode tables)
        ("The army withheld food supplies from the besieged town.", "COERCE", "army", None),
        ("The junta declared martial law across the country.", "COERCE", "", None),
        (
            "Security forces carried out a baton charge on demonstrators.",
            "ASSAULT",
            "Security forces",
            "demonstrators",
        ),
        ("Government troops raped women in the village.", "ASSAULT", "Government troops", None),
        ("Government forces dropped barrel bombs on the town.", "ASSAULT", "Government forces", None),
        ("Syrian forces used chemical weapons against civilians.", "ASSAULT", "Syrian forces", "civilians"),
        ("Riot police used tear gas against the protesters.", "ASSAULT", "police", "protesters"),
        ("Activists defaced a statue of the former dictator.", "PROTEST", "Activists", None),
        ("The two leaders held a video call.", "CONSULT", "two leaders", None),
        ("The king expressed regret for the colonial killings.", "CONCEDE", "king", None),
        ("Russian military hackers broke into the election commission's servers.", "COERCE", "", None),
        ("The militia handed in its weapons to the UN mission.", "RETREAT", "", None),
        (
            "The IAEA dispatched inspectors to the Esfahan plant.",
            "ACCUSE",
            "International Atomic Energy Agency",
            None,
        ),
        ("Eighty UN peacekeepers were shipped out of the enclave on Friday.", "SANCTION", "", None),
        # support verbs of entering, giving and granting
        ("The rebels entered into negotiations with the government.", "CONSULT", "rebels", None),
        ("The cabinet gave the green light to the peace plan.", "SUPPORT", "cabinet", None),
        ("The court granted bail to the opposition leader.", "RETREAT", "court", "opposition leader"),
        # claims revived
        ("The president revived his baseless claims of voter fraud.", "ACCUSE", "president", None),
        # an "of" theme as the noun's modifier
        ("The two sides completed an exchange of prisoners.", "RETREAT", "", None),
        # a meeting called off is cancelled (REJECT), not held
        ("Washington called off the talks with Pyongyang.", "REJECT", "United States", None),
    ],
)
def test_found(coded_events: CodedEvents, text: str, type_: str, actor: str, recipient: str | None) -> None:
    coded = [c for c in coded_events(text, PUB) if c.type == type_]
    assert coded, f"no {type_} in {coded_events(text, PUB)}"
    assert any(actor in " ".join(c.actors) for c in coded), coded
    if recipient is not None:
        assert any(recipient in " ".join(c.recipients) for c in coded), coded


@pytest.mark.parametrize(
    "text,type_",
    [
        # trade, not arms
        ("The company sold 40 aircraft to a budget airline.", "AID"),
        # a meeting called off was not held; a training session called off is no event
        ("Washington called off the talks with Pyongyang.", "CONSULT"),
        ("The coach called off training because of the storm.", "REJECT"),
        ("The club sold its young midfielder to a Spanish side for 40 million euros.", "AID"),
        ("The board approved the sale of its hotel division.", "AID"),
        ("The store sold toy drones to children.", "AID"),
        # help asked for, or given by nobody the text names as an actor
        ("Volunteers stepped up help for elderly residents during the heatwave.", "AID"),
        ("With the help of her brother, she finished the marathon.", "AID"),
        ("The council ramped up its emergency response to the fire.", "AID"),
        ("The spokesman said the response was measured.", "AID"),
        # ties and cooperation in business and everyday life
        ("The retailer will strengthen ties with suppliers.", "SUPPORT"),
        ("The startup expanded coordination between its factories.", "SUPPORT"),
        ("Students improved relations with their teachers.", "SUPPORT"),
        ("The festival deepened cooperation with local schools.", "COOPERATE"),
        ("The runner tied her shoes and cut the ribbon.", "SANCTION"),
        # released things, not captives
        ("The band released their first album last spring.", "RETREAT"),
        ("The bank released its quarterly figures.", "RETREAT"),
        ("The zoo released the rescued turtles into the sea.", "RETREAT"),
        # preparing without an armed force or without combat
        ("The team prepared for the battle with City.", "MOBILIZE"),
        ("The chef prepared for the dinner rush.", "MOBILIZE"),
        ("The army prepared a report on recruitment.", "MOBILIZE"),
        ("The coach said his players had prepared to attack from the first whistle.", "MOBILIZE"),
        # going somewhere for other reasons
        ("The delegation returned to Geneva for the weekend.", "CONSULT"),
        ("The students sat down for lunch with their teachers.", "CONSULT"),
        ("The players headed to the hotel for dinner.", "CONSULT"),
        # a domestic ban is no trade sanction
        ("Beijing banned online sales of the Bible.", "SANCTION"),
        # the same verbs and nouns in other senses
        ("Burglars broke into the house and stole a television.", "COERCE"),
        ("The rapper rapped about his childhood in Detroit.", "ASSAULT"),
        ("The newspaper rapped the minister for his remarks.", "ASSAULT"),
        ("She withheld information from her boss.", "COERCE"),
        ("The landlord withheld the deposit from his tenants.", "COERCE"),
        ("The conductor used a baton to keep time.", "ASSAULT"),
        ("Police used the dog to find the missing boy.", "ASSAULT"),
        ("The chef used a toxic cleaning product by mistake.", "ASSAULT"),
        ("Students defaced their desks with graffiti.", "PROTEST"),
        ("The pilot dropped the passengers at the airport.", "ASSAULT"),
        ("The band held a video call with fans.", "CONSULT"),
        ("The prosecutor dropped the charges against the activist.", "ASSAULT"),
        ("The insurer sent investigators to the factory after the fire.", "ACCUSE"),
        ("The company shipped out 300 orders on Monday.", "SANCTION"),
        ("The defendant entered a plea of not guilty.", "REQUEST"),
        ("The suspect entered police custody on Monday.", "COERCE"),
        ("Soldiers prepared to march in the Independence Day parade.", "MOBILIZE"),
        ("The company entered into talks with its creditors.", "CONSULT"),
        ("The city gave the green light to a new stadium.", "SUPPORT"),
        ("The traffic light turned green.", "SUPPORT"),
        # "of" themes that are no captives
        ("The two ministers had an exchange of views.", "RETREAT"),
    ],
)
def test_not_found(coded_events: CodedEvents, text: str, type_: str) -> None:
    assert not [c for c in coded_events(text, PUB) if c.type == type_], coded_events(text, PUB)


@pytest.mark.parametrize(
    "text",
    [
        "The home team attacked from the opening whistle and the visitors struggled to clear the ball.",
        "Fans stormed the pitch after the final whistle.",
        "Shares fell sharply on Tuesday as investors sold technology stocks and oil prices dropped.",
        "The chef prepared a feast and the museum hosted an exhibition of Dutch paintings.",
        "The startup scaled up production and expanded coordination between its factories.",
    ],
)
def test_nothing_in_other_registers(coded_events: CodedEvents, text: str) -> None:
    assert coded_events(text, PUB) == []
