"""Verbal events in political news (issue 10, speech3 pass): who criticises, praises, demands or concedes, and
whom. Rows per verb class (criticise, slam, blast, denounce, praise, endorse, back, urge, call on, demand,
reject, concede, apologise, warn), direct quotations that judge someone ("X is a fraud," said Y; "He is a
liar," Y said of X), the understood subject of a reason gerund ("asked Dean to apologise for accusing him"),
an "attack" coordinated with a verb of criticism, and the voice a cue-less quotation continues. Includes texts
where no event (or no such event) must be coded: neutral reported speech, self-judgements, negated judgements,
violence. Invented sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import herald

Extract = Callable[..., herald.Extraction]
PUB = "2016-09-20"


def _coded(x: herald.Extraction) -> list[tuple[str, set[str], set[str]]]:
    names = {a.id: a.name.lower() for a in x.actors}
    return [
        (e.type, {names[i] for i in e.actors}, {names[i] for i in e.recipients})
        for e in x.events
        if not e.negated
    ]


def _has(found: set[str], want: str) -> bool:
    return any(want in n for n in found)


def _found(x: herald.Extraction, type_: str, actor: str, recipient: str | None = None) -> bool:
    return any(
        t == type_ and _has(a, actor) and (recipient is None or _has(r, recipient)) for t, a, r in _coded(x)
    )


@pytest.mark.parametrize(
    "text,expected",
    [
        # (type, actor, recipient) of a verbal event that must be coded
        ("Senator Jane Fowler criticized Governor Tom Reed on Monday.", ("ACCUSE", "fowler", "reed")),
        ("Senator Jane Fowler slammed Governor Tom Reed's budget.", ("ACCUSE", "fowler", "reed")),
        (
            "Rep. Jim Jordan blasted Hillary Clinton for her handling of the inquiry.",
            ("ACCUSE", "jordan", "clinton"),
        ),
        ("Senator Tim Kaine denounced Donald Trump's remarks about the judge.", ("ACCUSE", "kaine", "trump")),
        (
            "Former President George W. Bush praised Senator John McCain at the dinner.",
            ("SUPPORT", "bush", "mccain"),
        ),
        ("The National Rifle Association endorsed Donald Trump on Friday.", ("SUPPORT", "rifle", "trump")),
        ("Senator Marco Rubio backed Jeb Bush in the primary.", ("SUPPORT", "rubio", "bush")),
        ("Mike Pence urged voters to reject Hillary Clinton.", ("REQUEST", "pence", "clinton")),
        (
            "Bernie Sanders called on Hillary Clinton to release the transcripts.",
            ("REQUEST", "sanders", "clinton"),
        ),
        ("Donald Trump rejected the criticism from Senator John McCain.", ("REJECT", "trump", None)),
        ("Ted Cruz conceded the race to Donald Trump on Tuesday night.", ("CONCEDE", "cruz", "trump")),
        # an apology is SUPPORT as the PLOVER GSR gold codes it (CAMEO 055)
        ("Governor Chris Christie apologized to the families of the victims.", ("SUPPORT", "christie", None)),
        (
            "Donald Trump warned Republicans that he would run as an independent.",
            ("THREATEN", "trump", "republican"),
        ),
        # verbs of criticism and praise from their definitions, phrasal and bare
        ("Senator Bernie Sanders railed against Donald Trump's tax plan.", ("ACCUSE", "sanders", "trump")),
        ("Senator Elizabeth Warren ripped into Donald Trump on Monday.", ("ACCUSE", "warren", "trump")),
        ("Senator Elizabeth Warren ripped Wells Fargo chief John Stumpf.", ("ACCUSE", "warren", "stumpf")),
        (
            "Senator Bernie Sanders hammered Hillary Clinton over her speeches.",
            ("ACCUSE", "sanders", "clinton"),
        ),
        ("Republicans piled on Hillary Clinton after the debate.", ("ACCUSE", "republican", None)),
        ("Governor Mike Pence touted Donald Trump as a job creator.", ("SUPPORT", "pence", "trump")),
        (
            "Senator Jane Fowler shrugged off the criticism from Governor Tom Reed.",
            ("REJECT", "fowler", None),
        ),
        # an attack coordinated with a verb of criticism is said in words
        (
            "Hillary Clinton attacked Donald Trump's tax plan and criticized his business record.",
            ("ACCUSE", "clinton", None),
        ),
        (
            "Hillary Clinton attacked police officers and blamed the shootings on bias.",
            ("ACCUSE", "clinton", None),
        ),
        # an attack on words, ideas or a record, or set in a speech, is criticism
        (
            "In an August speech, Donald Trump attacked the hateful ideology of radical Islam.",
            ("ACCUSE", "trump", None),
        ),
        ("Hillary Clinton attacked Donald Trump's temperament on Monday.", ("ACCUSE", "clinton", "trump")),
        ("In an interview, Senator Jane Fowler attacked Governor Tom Reed.", ("ACCUSE", "fowler", "reed")),
    ],
)
def test_verbal_event_by_class(extract: Extract, text: str, expected: tuple[str, str, str | None]) -> None:
    x = extract(text, published=PUB)
    assert _found(x, *expected), _coded(x)


@pytest.mark.parametrize(
    "text,absent",
    [
        # neutral reported speech: no event at all
        ("Hillary Clinton said the meeting took place on Tuesday in Ohio.", None),
        # (a conversation reported, "had spoken with Paul Ryan", is CONSULT: tests/test_lexgaps.py)
        ("Donald Trump told reporters that Paul Ryan had been in Ohio.", None),
        ('"Donald Trump is a businessman from New York," said Rep. Jane Fowler.', None),
        ('"I think Hillary Clinton was in Ohio last week," Bernie Sanders said.', None),
        # a judgement of the speaker's own side, a negated judgement
        ('"I am a fighter and a tough negotiator," Donald Trump said.', None),
        ('"Hillary Clinton is not a liar," Bernie Sanders said.', None),
        ('"We stayed home because it rained," Donald Trump said.', None),
        ("Senator Jane Fowler said Governor Tom Reed was not right about the budget.", None),
        # an obligation that is an outcome, a state, the speaker's own or a maxim is no demand
        ("Bernie Sanders said Hillary Clinton needs to win Ohio.", None),
        ("Bernie Sanders said Hillary Clinton has to be careful.", None),
        ("Bernie Sanders said he needs to rest.", None),
        ('"A president needs to listen," Bernie Sanders said.', None),
        ("Senator Jane Fowler said Governor Tom Reed had to cancel the trip after the storm.", "REQUEST"),
        # the action demanded has not happened
        ("Senator Jane Fowler said Governor Tom Reed has to withdraw the troops.", "RETREAT"),
        # the physical sense of a verb of criticism: no person, party or body judged, or harm named
        ("Storms hammered the coast on Monday.", None),
        ("Protesters ripped down posters of the president.", None),
        ("Israeli jets hammered the town of Rafah.", "ACCUSE"),
        ("The soldiers hammered the prisoner with rifle butts.", "ACCUSE"),
        ("The company touted its new phone at the fair.", None),
        ("Donald Trump's unorthodox moves have brushed aside traditional politicking.", "REJECT"),
        # violence stays violence: no verbal attack without a verb of criticism
        ("Rebels attacked the army base and killed ten soldiers.", "ACCUSE"),
        ("Gunmen attacked the police station and burned it.", "ACCUSE"),
        ("In a video, the Islamic State attacked the French embassy.", "ACCUSE"),
        ("At a rally in Ohio, a man attacked a protester.", "ACCUSE"),
    ],
)
def test_no_verbal_event(extract: Extract, text: str, absent: str | None) -> None:
    found = _coded(extract(text, published=PUB))
    if absent is None:
        assert not found, found
    else:
        assert all(t != absent for t, _, _ in found), found


@pytest.mark.parametrize(
    "text,expected",
    [
        ('"Donald Trump is a disgusting fraud," said Rep. Jane Fowler.', ("ACCUSE", "fowler", "trump")),
        (
            '"I think Hillary Clinton is far and away the superior candidate," Bernie Sanders said.',
            ("SUPPORT", "sanders", "clinton"),
        ),
        ('"He is a pathological liar," Ted Cruz said of Donald Trump.', ("ACCUSE", "cruz", "trump")),
        (
            '"He was a tough and brilliant opponent," Donald Trump said of Ted Cruz.',
            ("SUPPORT", "trump", "cruz"),
        ),
        # a reason the speaker gives is asserted; "right" said of someone endorses them
        (
            '"I will not debate Hillary Clinton because she is a liar," Donald Trump said.',
            ("ACCUSE", "trump", "clinton"),
        ),
        (
            'Michael Flynn said Donald Trump was "absolutely right" about the generals.',
            ("SUPPORT", "flynn", "trump"),
        ),
        # a word of merit on an action not yet taken advises it
        (
            "Don Fowler argued that the Democratic Party would be wise to set up a process.",
            ("REQUEST", "fowler", "democratic"),
        ),
        # semi-modals of obligation said of someone else are demands
        (
            "Bernie Sanders said Hillary Clinton has to talk about the real issues.",
            ("REQUEST", "sanders", "clinton"),
        ),
        (
            '"Hillary Clinton has got to start talking about the issues," Bernie Sanders said.',
            ("REQUEST", "sanders", "clinton"),
        ),
    ],
)
def test_quotation_judges_someone(extract: Extract, text: str, expected: tuple[str, str, str]) -> None:
    x = extract(text, published=PUB)
    assert _found(x, *expected), _coded(x)


@pytest.mark.parametrize(
    "text,type_,actor,not_actor",
    [
        # the one asked to apologise made the accusation, not the one who asks
        (
            "David Axelrod on Wednesday called on Howard Dean to apologize to Donald Trump for accusing him "
            "of drug use.",
            "ACCUSE",
            "dean",
            "axelrod",
        ),
        (
            "Senator Jane Fowler urged Governor Tom Reed to apologize for insulting the judges.",
            "ACCUSE",
            "reed",
            "fowler",
        ),
    ],
)
def test_reason_gerund_actor(extract: Extract, text: str, type_: str, actor: str, not_actor: str) -> None:
    coded = [(a, r) for t, a, r in _coded(extract(text, published=PUB)) if t == type_]
    assert any(_has(a, actor) for a, _ in coded), coded
    assert not any(_has(a, not_actor) for a, _ in coded), coded


@pytest.mark.parametrize(
    "text,quote,speaker",
    [
        (
            '"We must look at the issues," Bernie Sanders said, going on to contrast Hillary Clinton\'s '
            'proposals with those of Donald Trump. "So I would say to young voters: stay focused on your '
            'lives."',
            "So I would say",
            "sanders",
        ),
    ],
)
def test_quotation_continues_quoted_voice(extract: Extract, text: str, quote: str, speaker: str) -> None:
    x = extract(text, published=PUB)
    names = {a.id: a.name.lower() for a in x.actors}
    at = text.index(quote)
    got = [names.get(s.speaker or "") for s in x.statements if any(q.start <= at < q.end for q in s.quotes)]
    assert got and all(g is not None and speaker in g for g in got), got
