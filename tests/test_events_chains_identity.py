"""Document-level bookkeeping of events keeps actors apart (chains pass, issue 10).

- Merging mentions of one act (s5_events/chains.merge_mentions) goes by the identity of the actors, as the
  actors stage resolved them, not by their country and sector: two senators, two ministers, two chambers
  each accusing or demanding are two events, while "the strike", "the attack" and a headline retold in the
  body stay one event with several mentions. A report marked as one more act ("also", "again",
  "separately") is another act.
- A relative clause's agent is the noun it modifies, or that noun's own agent when it is an event noun
  ("the bombing carried out by the Taliban, which killed 12 soldiers"; "one claimed by Daesh that targeted
  mourners", where the parser hangs the relative clause under the participle), never the speaker or a
  subject from elsewhere in the sentence; an event noun with no agent of its own gives none.
- A verbal act is the speaker's only when the speaker can be its subject: not an agentless passive ("X had
  been pilloried, he noted"), not a pronoun of another kind ("it had promised" in a person's statement).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

PUB = "2024-04-30"
Make = Callable[..., Doc]


def _coded(doc: Doc, etype: str) -> list[tuple[set[str], int]]:
    """(actor names, number of mentions) of each coded event of the type."""
    names = {a.id: a.name.lower() for a in doc._.herald_actors}
    return [({names[i] for i in e.actors}, len(e.mentions)) for e in doc._.herald_events if e.type == etype]


# (text, type, expected events of that type as (words naming one actor each, number of mentions))
MERGE_ROWS = [
    # --- several mentions of one real-world event: one event ---
    (
        "Israeli jets struck a camp in Rafah on Monday. The strike killed 20 people.",
        "ASSAULT",
        [({"israeli"}, 2)],
    ),
    (
        "Kenya agrees to send police to Haiti\n\nKenya agreed on Monday to send police to Haiti.",
        "AGREE",
        [({"kenya"}, 2)],
    ),
    (
        "Donald Trump's attacks on a federal judge alarmed experts. Trump's attacks on Judge Gonzalo Curiel "
        "stand out.",
        "ASSAULT",
        [({"trump"}, 2)],
    ),
    # a description and a named actor of one country and sector, saying one thing: one voice, one event
    (
        "The foreign ministry criticised the decision. The foreign minister, Sergei Lavrov, criticised the "
        "decision.",
        "ACCUSE",
        [({"ministry", "lavrov"}, 2)],
    ),
    (
        "Judge rejects New York Times request to unseal Trump divorce file\n\nA New York judge has rejected "
        "a request by The New York Times to unseal the divorce file of Donald Trump.",
        "REJECT",
        [({"judge", "new york judge"}, 2)],
    ),
    # --- different named actors of one country and sector: as many events as actors ---
    (
        "Senator Chuck Schumer accused Donald Trump of lying. Senator Elizabeth Warren accused Donald "
        "Trump of corruption.",
        "ACCUSE",
        [({"schumer"}, 0), ({"warren"}, 0)],
    ),
    (
        "Chancellor Olaf Scholz called for a ceasefire in Gaza. Foreign Minister Annalena Baerbock called "
        "for a ceasefire in Gaza.",
        "REQUEST",
        [({"scholz"}, 0), ({"baerbock"}, 0)],
    ),
    (
        "The Nigerian Senate condemned the killings in Plateau. The House of Representatives condemned the "
        "killings in Plateau.",
        "ACCUSE",
        [({"senate"}, 0), ({"house"}, 0)],
    ),
    (
        "Germany called for a ceasefire in Gaza. France called for a ceasefire in Gaza.",
        "REQUEST",
        [({"germany"}, 0), ({"france"}, 0)],
    ),
    # --- one more act by the same actor ("also", "separately") ---
    (
        "Donald Trump accused China of stealing American jobs. Trump also accused China of manipulating its "
        "currency.",
        "ACCUSE",
        [({"trump"}, 0), ({"trump"}, 0)],
    ),
    (
        "The US State Department praised the kingdom. Separately, the US also approved a $2.5 billion deal "
        "to sell Germany four drones.",
        "SUPPORT",
        [({"department of state"}, 0), ({"united states"}, 0)],
    ),
    # --- the same country in other words, and another word for another act: two events ---
    (
        "Russian jets have shot flares at Swedish Air Force planes. Russia has made incursions into Swedish "
        "waters.",
        "ASSAULT",
        [({"russian jets"}, 0), ({"russia"}, 0)],
    ),
]


@pytest.mark.parametrize(("text", "etype", "expected"), MERGE_ROWS)
def test_mentions_merge_by_identity(
    make: Make, text: str, etype: str, expected: list[tuple[set[str], int]]
) -> None:
    coded = _coded(make(text, published=PUB), etype)
    assert len(coded) == len(expected), coded
    for (names, mentions), (words, want) in zip(coded, expected, strict=True):
        assert all(any(w in n for n in names) for w in words), coded
        assert len(names) == len(words), coded  # no actor folded in from another event
        assert mentions == want, coded


# (text, type, a word naming the expected actor, or None where no actor may be given, a word naming an actor
# that must not be given)
RELATIVE_ROWS = [
    # the parser hangs "that targeted" under "claimed": the clause still modifies the attack Daesh claimed
    (
        "The United States strongly condemns the barbaric terrorist attacks in Iraq today, including one in "
        "Baghdad claimed by Daesh that specifically targeted mourners inside a funeral tent.",
        "ASSAULT",
        "islamic state",
        "united states",
    ),
    (
        "The attacks on Shiite mosques claimed by Daesh that targeted mourners killed 40 people.",
        "ASSAULT",
        "islamic state",
        None,
    ),
    (
        "The raid carried out by government troops, which killed 15 villagers, drew protests.",
        "ASSAULT",
        "troops",
        None,
    ),
    (
        "Hezbollah, which fought a war with Israel in 2006, has sent fighters to Syria.",
        "ASSAULT",
        "hezbollah",
        None,
    ),
    # an event noun with no agent of its own gives none: not the one who speaks of it or supports it
    (
        "The United States condemned the attack that killed 12 people in Kabul.",
        "ASSAULT",
        None,
        "united states",
    ),
    (
        "Clinton stressed her support of the 2011 raid that killed Osama bin Laden.",
        "ASSAULT",
        None,
        "clinton",
    ),
    ("Residents described an attack that killed 15 villagers near Maiduguri.", "ASSAULT", None, "residents"),
]


@pytest.mark.parametrize(("text", "etype", "actor", "not_actor"), RELATIVE_ROWS)
def test_relative_clause_agent(
    make: Make, text: str, etype: str, actor: str | None, not_actor: str | None
) -> None:
    coded = _coded(make(text, published=PUB), etype)
    assert coded, text
    names = set().union(*(n for n, _ in coded))
    if actor is None:
        assert not names, coded
    else:
        assert any(actor in n for n in names), coded
    if not_actor is not None:
        assert not any(not_actor in n for n in names), coded


# (text, type, a word naming the expected actor or None where none may be given, a word naming the speaker
# who must not be the actor, "~" where the speaker is the actor)
SPEAKER_ROWS = [
    # an agentless passive: the speaker reports it, and the text names nobody who did it
    (
        "Barack Obama spoke in Ohio on Monday. He noted that Hillary Clinton had been pilloried in coal "
        "country for her views.",
        "ACCUSE",
        None,
        "obama",
    ),
    ("Barack Obama said Hillary Clinton was criticised for her views.", "ACCUSE", None, "obama"),
    # the passive with its agent keeps it
    ("Barack Obama said Hillary Clinton was criticised by Donald Trump.", "ACCUSE", "trump", "obama"),
    # "it" is no person: not the speaker
    ('"It has promised to hold talks," said Rakesh Kumar, a painter.', "AGREE", None, "kumar"),
    # inside the speaker's own quotation the speaker is "I": "he" is someone else
    ('"He refuses to take responsibility for his support," Hillary Clinton said.', "REJECT", None, "clinton"),
    # a closing mark ends the quotation, even where unbalanced marks make the statement's span run on
    (
        "\u201cYou must protect our democracy. \u201cAvoid being used by disgruntled elements.\u201d He, "
        "however, urged them to maintain good relations, said the minister, Mansur Dan-Ali.",
        "REQUEST",
        "dan-ali",
        "~",
    ),
    # "we" inside the quotation is the speaker
    ('"We have promised to hold talks," said Foreign Minister Sergei Lavrov.', "AGREE", "lavrov", "~"),
]


@pytest.mark.parametrize(("text", "etype", "actor", "speaker"), SPEAKER_ROWS)
def test_speaker_is_not_the_actor(make: Make, text: str, etype: str, actor: str | None, speaker: str) -> None:
    coded = _coded(make(text, published=PUB), etype)
    names = set().union(*(n for n, _ in coded))
    assert not any(speaker in n for n in names), coded
    if actor is None:
        assert not names, coded  # (the event may be left uncoded: a verbal act with no party is not coded)
    else:
        assert any(actor in n for n in names), coded
