"""Event fusion across articles, the claim ledger and storylines, on small stores built by hand (no NLP), and
once end to end on the fusion story corpus (examples/fusion)."""

from __future__ import annotations

import itertools
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from spacy.language import Language

from herald.corpus import fusion, ledger, storyline
from herald.corpus.fusion_config import load_config
from herald.corpus.fusion_mentions import Mention, interval
from herald.corpus.fusion_score import score
from herald.corpus.store import open_store
from herald.errors import ConfigError, StoreError

REPO = Path(__file__).resolve().parents[1]

# Towns (lat, lon, feature): Beni and Butembo are 50 km apart, Bunia 170 km from Beni.
TOWNS = {
    "Beni": (0.49, 29.47, "P.PPL"),
    "Oicha": (0.70, 29.52, "P.PPL"),  # 24 km from Beni
    "Butembo": (0.14, 29.29, "P.PPL"),
    "Bunia": (1.56, 30.25, "P.PPL"),
}


@dataclass
class Ev:
    type: str = "ASSAULT"
    date: str | None = "2025-03-10"
    place: str | None = "Beni"
    mode: str | None = None
    actors: list[tuple[str, str | None]] = field(default_factory=list)  # (country/sector, wikidata)
    evidence: str = "Gunmen killed villagers in an attack near the town."
    historical: bool = False
    figures: list[tuple[float, str, str | None, str | None]] = field(
        default_factory=list
    )  # value, counts, qual, source


def add_article(
    conn: sqlite3.Connection,
    key: str,
    published: str,
    events: list[Ev],
    *,
    outlet: str = "Wire",
    cluster: str | None = None,
    title: str = "Attack near Beni",
    loose_figures: list[tuple[float, str, str | None, str | None]] = (),  # type: ignore[assignment]
) -> None:
    """An article with hand-made records, stored as ingest would store them."""
    conn.execute(
        "INSERT INTO articles (key, sha256, id, title, published, source, status, text, "
        "cluster, duplicate_of, "
        "ingested_at) VALUES (?, ?, ?, ?, ?, ?, 'ok', ?, ?, ?, '2025-01-01')",
        (
            key,
            key * 4,
            key,
            title,
            published,
            outlet,
            title,
            cluster or key,
            cluster or None,
        ),
    )
    n_fig = 0

    def figure(
        value: float, counts: str, qualifier: str | None, source: str | None, event: str | None
    ) -> None:
        nonlocal n_fig
        n_fig += 1
        conn.execute(
            "INSERT INTO figures (uid, article, local_id, value, low, high, qualifier, counts, "
            "source_text, hedges, "
            "event, evidence_start, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?)",
            (
                f"{key}:f{n_fig}",
                key,
                f"f{n_fig}",
                value,
                value,
                value,
                qualifier,
                counts,
                source,
                event,
                n_fig * 10,
                f"{value:g} {counts}",
            ),
        )

    for i, e in enumerate(events, 1):
        uid = f"{key}:e{i}"
        place = time = None
        if e.place:
            lat, lon, feature = TOWNS[e.place]
            place = f"{key}:p{i}"
            conn.execute(
                "INSERT INTO places (uid, article, local_id, text, start, name, country, lat, lon, feature) "
                "VALUES (?, ?, ?, ?, ?, ?, 'COD', ?, ?, ?)",
                (place, key, f"p{i}", e.place, i, e.place, lat, lon, feature),
            )
        if e.date:
            time = f"{key}:t{i}"
            conn.execute(
                "INSERT INTO times (uid, article, local_id, text, value, granularity) VALUES "
                "(?, ?, ?, ?, ?, ?)",
                (time, key, f"t{i}", e.date, e.date, interval(e.date)[2] if interval(e.date) else None),
            )
        conn.execute(
            "INSERT INTO events (uid, article, local_id, type, mode, date, time, place, historical, negated, "
            "future, hypothetical, evidence_start, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "0, 0, 0, ?, ?)",
            (
                uid,
                key,
                f"e{i}",
                e.type,
                e.mode,
                e.date or published,
                time,
                place,
                int(e.historical),
                i,
                e.evidence,
            ),
        )
        for j, (code, qid) in enumerate(e.actors):
            actor = f"{key}:a{i}{j}"
            country, sector = code.split("/")
            conn.execute(
                "INSERT INTO actors (uid, article, local_id, name, country, sector, wikidata) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (actor, key, f"a{i}{j}", code, country, sector, qid),
            )
            conn.execute("INSERT INTO event_actors VALUES (?, ?, ?)", (uid, actor, j))
        for value, counts, qualifier, source in e.figures:
            figure(value, counts, qualifier, source, uid)
    for value, counts, qualifier, source in loose_figures:
        figure(value, counts, qualifier, source, None)


@pytest.fixture()
def conn(tmp_path: Path) -> sqlite3.Connection:
    return open_store(tmp_path / "f.db").conn


def story(conn: sqlite3.Connection) -> list[str]:
    """The Beni attack told five ways, a same-day attack in Bunia, and a later one in Beni."""
    add_article(conn, "wire", "2025-03-10", [Ev(figures=[(12, "killed", "at least", "a local official")])])
    add_article(
        conn,
        "copy",
        "2025-03-10",
        [Ev(figures=[(12, "killed", "at least", "a local official")])],
        outlet="Globe",
        cluster="wire",
    )
    add_article(
        conn,
        "ministry",
        "2025-03-11",
        [],
        outlet="Herald",
        title="Beni attack toll rises",
        loose_figures=[(18, "killed", None, "the health ministry")],
    )
    add_article(
        conn,
        "civil",
        "2025-03-12",
        [
            Ev(
                date=None,
                evidence="A civil society group said villagers were killed near Beni.",
                figures=[(23, "killed", None, "a civil society group")],
            )
        ],
        outlet="Monitor",
    )
    add_article(
        conn,
        "army",
        "2025-03-12",
        [Ev(date="2025-03-12", figures=[(14, "killed", None, "The army")])],
        outlet="Herald",
    )
    add_article(
        conn,
        "bunia",
        "2025-03-10",
        [Ev(place="Bunia", evidence="Gunmen killed traders in Bunia.")],
        title="Attack in Bunia",
    )
    add_article(
        conn,
        "later",
        "2025-03-25",
        [Ev(date="2025-03-24", evidence="Gunmen killed farmers near Beni.")],
        title="New attack near Beni",
    )
    add_article(
        conn,
        "recall",
        "2025-05-02",
        [Ev(date="2025-03", historical=True, evidence="The March attack near Beni killed villagers.")],
        title="Beni remembers",
    )
    return ["wire", "copy", "ministry", "civil", "army", "bunia", "later", "recall"]


def groups(conn: sqlite3.Connection) -> list[set[str]]:
    """Fused events as sets of article keys (report mentions only)."""
    return sorted(({m.split(":")[0] for m in g} for g in fusion.partition(conn)), key=sorted)


def test_story_fuses_and_keeps_apart(conn: sqlite3.Connection) -> None:
    story(conn)
    fusion.fuse(conn)
    assert groups(conn) == [{"army", "civil", "copy", "ministry", "wire"}, {"bunia"}, {"later"}]
    (beni,) = fusion.fused_events(conn, min_sources=2)
    assert beni["sources"] == 4  # the republication counts once
    assert beni["articles"] == 5 and beni["recalls"] == 1  # the May article recalls it, not a new report
    assert beni["date"] == "2025-03-10" and beni["date_rule"] == "first-report"
    assert beni["confidence"] == pytest.approx(1 - 0.5**4)
    assert any("near-duplicate" in line for line in beni["explanation"])
    roles = {m["article"]: m["role"] for m in fusion.members(conn, beni["id"])}
    assert roles == {
        "wire": "report",
        "copy": "report",
        "ministry": "figure",
        "civil": "report",
        "army": "report",
        "recall": "recall",
    }


@pytest.mark.parametrize("order", list(itertools.permutations(range(8)))[::997][:12])
def test_any_arrival_order_gives_the_same_events(tmp_path: Path, order: tuple[int, ...]) -> None:
    reference = open_store(tmp_path / "ref.db").conn
    keys = story(reference)
    fusion.fuse(reference)
    shuffled = open_store(tmp_path / "shuffled.db").conn
    story(shuffled)
    for i in order:  # one article per run: every arrival is incremental
        fusion.fuse(shuffled, [keys[i]])
    assert fusion.partition(shuffled) == fusion.partition(reference)
    recalled = "SELECT fused_id IS NOT NULL FROM fused_members WHERE role = 'recall'"
    assert shuffled.execute(recalled).fetchall() == reference.execute(recalled).fetchall()


# (first event, second event, linked?) — the must-stay-apart cases among them
PAIRS = [
    (Ev(), Ev(), True),
    (Ev(), Ev(place="Oicha"), True),  # 24 km: within a town's radius
    (Ev(), Ev(place="Bunia"), False),  # same type, day and country, 170 km apart
    (Ev(), Ev(place="Butembo", evidence="Gunmen killed traders in Butembo."), False),  # 50 km, other words
    (Ev(), Ev(place="Butembo"), True),  # 50 km, but told in the same words
    (Ev(), Ev(date="2025-03-18"), False),  # eight days apart
    (Ev(), Ev(type="PROTEST"), False),
    (Ev(mode="firearms"), Ev(mode="crowd-control", evidence="Police fired tear gas at protesters."), False),
    (
        Ev(place=None, evidence="Gunmen killed villagers in an attack."),
        Ev(place=None, evidence="Gunmen killed villagers in an attack."),
        True,
    ),
    (
        Ev(place=None, evidence="Soldiers shelled a market."),
        Ev(place=None, evidence="Rebels ambushed a convoy."),
        False,
    ),
]


@pytest.mark.parametrize(("a", "b", "linked"), PAIRS)
def test_pair_decisions(conn: sqlite3.Connection, a: Ev, b: Ev, linked: bool) -> None:
    add_article(conn, "one", "2025-03-10", [a], title="")
    add_article(conn, "two", "2025-03-10", [b], title="")
    fusion.fuse(conn)
    assert (len(fusion.partition(conn)) == 1) is linked


def test_shared_actor_id_links_placeless_events() -> None:
    cfg = load_config()
    base = dict(
        role="report",
        event=None,
        figure=None,
        cluster=None,
        outlet=None,
        published="2025-03-10",
        type="CONSULT",
        mode=None,
        country="ETH",
        day_lo=1,
        day_hi=1,
        granularity="day",
        lat=None,
        lon=None,
        feature=None,
        place=None,
        place_from=None,
        start=0,
    )
    a = Mention(mention="a", article="a", actors=["Q1"], words="talks minister", **base)  # type: ignore[arg-type]
    b = Mention(mention="b", article="b", actors=["Q1"], words="meeting", **base)  # type: ignore[arg-type]
    c = Mention(mention="c", article="c", actors=["Q2"], words="meeting", **base)  # type: ignore[arg-type]
    assert score(a, b, cfg).linked(cfg)
    assert not score(a, c, cfg).linked(cfg)


def test_manual_split_and_merge_survive_reruns(conn: sqlite3.Connection) -> None:
    story(conn)
    fusion.fuse(conn)
    new = fusion.split(conn, ["army:e1"], note="the army counts another clash")
    assert {"army"} in groups(conn)
    fusion.fuse(conn, rebuild=True)
    assert {"army"} in groups(conn)
    bunia = next(e["id"] for e in fusion.fused_events(conn) if e["place"] == "Bunia")
    later = next(e["id"] for e in fusion.fused_events(conn) if e["date"] == "2025-03-24")
    joined = fusion.merge(conn, [bunia, later])
    assert {"bunia", "later"} in groups(conn)
    assert joined in {e["id"] for e in fusion.fused_events(conn)}
    fusion.fuse(conn, rebuild=True)
    # a new report arrives: both decisions still hold
    add_article(conn, "late-copy", "2025-03-13", [Ev(date="2025-03-12")], outlet="Echo")
    fusion.fuse(conn)
    assert not any({"army", "wire"} <= g for g in groups(conn))  # may join either side, never both
    assert {"bunia", "later"} in groups(conn)
    assert any("late-copy" in g for g in groups(conn) if "army" in g or "wire" in g)
    assert new  # the split gave the army's report an id of its own


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda c: fusion.merge(c, ["Fnope"]), StoreError),
        (lambda c: fusion.merge(c, ["Fnope", "Fnone"]), StoreError),
        (lambda c: fusion.split(c, ["no:e9"]), StoreError),
        (lambda c: fusion.fuse(c, ["no-such-article"]), StoreError),
    ],
)
def test_bad_overrides_say_what_to_do(conn: sqlite3.Connection, call, error) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error):
        call(conn)


def test_config_rejects_unknown_single_figure_rule() -> None:
    with pytest.raises(ConfigError):
        load_config(single_figure_rule="median")


def test_ledger_in_time_order_with_disagreement(conn: sqlite3.Connection) -> None:
    story(conn)
    fusion.fuse(conn)
    (beni,) = fusion.fused_events(conn, min_sources=2)
    rows = ledger.ledger(conn, beni["id"], "killed")
    assert [(r.published, r.value) for r in rows] == [
        ("2025-03-10", 12),
        ("2025-03-10", 12),
        ("2025-03-11", 18),
        ("2025-03-12", 14),
        ("2025-03-12", 23),
    ]
    assert [r.attached_by for r in rows][2] == "figure-mention"
    (d,) = ledger.claims(conn, beni["id"], "killed")
    assert d.disagree and d.spread == "time+source"  # a toll rising, and two sources differing on 12 March
    assert d.latest_per_source == {
        "local official": 12,
        "health ministry": 18,
        "army": 14,
        "civil society group": 23,
    }
    assert (d.low, d.high) == (12, 23)
    assert (
        d.single_figure_rule == "latest-most-independent" and d.single_figure == 23
    )  # one cluster each: latest
    assert (
        ledger.claims(conn, beni["id"], "killed", load_config(single_figure_rule="most-conservative"))[
            0
        ].single_figure
        == 12
    )
    assert ledger.claims(conn, beni["id"], "killed", load_config(single_figure_rule="latest"))[
        0
    ].single_figure in (14, 23)


@pytest.mark.parametrize(
    ("figures", "spread"),
    [
        ([("2025-03-10", 12, "police"), ("2025-03-10", 12, "The police")], "none"),
        ([("2025-03-10", 12, "police"), ("2025-03-14", 20, "police")], "time"),
        ([("2025-03-10", 12, "police"), ("2025-03-10", 30, "rebels")], "source"),
        (
            [("2025-03-10", 12, "police"), ("2025-03-10", 30, "rebels"), ("2025-03-15", 40, "UN")],
            "time+source",
        ),
        ([("2025-03-10", 23, "civil society"), ("2025-03-14", 14, "army")], "source"),  # tolls do not fall
        ([("2025-03-10", 23, "army"), ("2025-03-14", 14, "army")], "time"),  # a source revising its figure
        ([("2025-03-10", 9, "police"), ("2025-03-12", 30, "rebels")], "time"),  # later and higher
    ],
)
def test_spread_explained(figures: list[tuple[str, float, str]], spread: str) -> None:
    rows = [
        ledger.LedgerRow(
            "F1",
            "killed",
            v,
            v,
            v,
            None,
            False,
            None,
            src,
            [],
            f"a{i}",
            "Wire",
            day,
            f"c{i}",
            "report",
            "event",
            f"f{i}",
            None,
        )
        for i, (day, v, src) in enumerate(figures)
    ]
    d = ledger.assess(rows)
    assert d.spread == spread
    assert d.disagree is (len(d.latest_per_source) > 1 and spread != "none")


def test_storyline_orders_events_between_actors(conn: sqlite3.Connection) -> None:
    talks = [("ETH/GOV", "Q115"), ("SOM/GOV", "Q1045")]
    add_article(
        conn, "moscow", "2025-02-10", [Ev(type="CONSULT", date="2025-02-10", actors=talks)], title="Talks"
    )
    add_article(
        conn,
        "beijing",
        "2025-04-14",
        [Ev(type="CONSULT", date="2025-04-14", place="Bunia", actors=talks)],
        title="Talks again",
    )
    add_article(
        conn, "other", "2025-03-01", [Ev(type="CONSULT", date="2025-03-01", actors=[("KEN/GOV", None)])]
    )
    fusion.fuse(conn)
    steps = storyline.storyline(conn, ["ETH", "SOM"])
    assert [s.date for s in steps] == ["2025-02-10", "2025-04-14"]
    assert steps[1].days_since_previous == 63
    assert storyline.storyline(conn, ["ETH", "KEN"]) == []


def test_fused_tables_export(conn: sqlite3.Connection, tmp_path: Path) -> None:
    from herald.corpus.export import export

    story(conn)
    fusion.fuse(conn)
    written = export(conn, "csv", tmp_path / "out")
    fused = (tmp_path / "out" / "fused_events.csv").read_text().splitlines()
    assert len(fused) == 1 + 3 and "figure_rule" in fused[0]
    assert written[tmp_path / "out" / "ledger.csv"] == 5
    view = conn.execute("SELECT count(*) FROM ledger WHERE counts = 'killed'").fetchone()[0]
    assert view == 5


@pytest.mark.slow
def test_story_corpus_end_to_end(nlp: Language, tmp_path: Path) -> None:
    from herald.corpus.fusion_eval import read_gold, score_store
    from herald.corpus.ingest import ingest

    corpus = REPO / "examples" / "fusion" / "dev"
    db = tmp_path / "stories.db"
    ingest([corpus], db, workers=1)
    with open_store(db) as store:
        scores = score_store(store.conn, read_gold(corpus / "gold.csv"))
        assert scores["herald"].fp == 0, scores["herald"].errors  # Maiduguri and Damaturu stay apart
        assert scores["herald"].tp >= scores["herald"].fn
        market = next(
            e for e in fusion.fused_events(store.conn) if e["place"] == "Maiduguri" and e["type"] == "ASSAULT"
        )
        rows = ledger.ledger(store.conn, market["id"], "killed")
        values = [r.value for r in rows]
        assert values.index(12) < values.index(18) < values.index(23)
        assert any("could not be independently verified" in r.hedges for r in rows if r.value == 18)
        assert json.dumps(market["explanation"])


def test_merge_holds_members_that_conflict(conn: sqlite3.Connection) -> None:
    story(conn)
    fusion.fuse(conn)
    beni = next(e["id"] for e in fusion.fused_events(conn, min_sources=2))
    later = next(e["id"] for e in fusion.fused_events(conn) if e["date"] == "2025-03-24")
    fusion.merge(conn, [beni, later])  # every Beni report is two weeks from the later one: all conflict
    fusion.fuse(conn, rebuild=True)
    assert {"army", "civil", "copy", "ministry", "wire", "later"} in groups(conn)


def test_cli_fuse_events_ledger_storyline(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from herald.cli import app

    db = tmp_path / "cli.db"
    with open_store(db) as store:
        story(store.conn)
    runner = CliRunner()
    fused = runner.invoke(app, ["fuse", "--db", str(db)])
    assert fused.exit_code == 0, fused.output
    listed = runner.invoke(app, ["events", "--fused", "--db", str(db), "--format", "json"])
    rows = json.loads(listed.stdout)
    assert len(rows) == 3 and max(r["sources"] for r in rows) == 4
    beni = next(r["id"] for r in rows if r["sources"] == 4)
    table = runner.invoke(app, ["ledger", "--db", str(db), "--event", beni, "--counts", "killed"])
    assert "health ministry" in table.stdout and "single figure" in table.stdout
    assert "latest-most-independent" in table.stdout
    csv_out = runner.invoke(app, ["ledger", "--db", str(db), "--format", "csv"]).stdout.splitlines()
    assert csv_out[0].startswith("fused_id,counts,value") and len(csv_out) == 1 + 5
    nothing = runner.invoke(app, ["storyline", "Nobody", "--db", str(db)])
    assert nothing.exit_code == 0 and nothing.stdout == ""
    bad = runner.invoke(app, ["fuse", "--merge", "Fnope", "--merge", "Fnone", "--db", str(db)])
    assert bad.exit_code == 1
