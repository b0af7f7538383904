"""The HTTP API and explorer pages, in-process (TestClient) over a store built from examples/."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from herald.corpus.store import open_store
from herald.errors import StoreError
from herald.web import create_app
from herald.web.app import CSP


@pytest.fixture(scope="module")
def client(example_store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(example_store)) as c:
        yield c


def get(client: TestClient, url: str, **params: Any) -> Any:
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def with_events(client: TestClient) -> str:
    """The key of an article about the Beni attack with events coded."""
    return next(
        a["key"] for a in get(client, "/api/v1/articles", q="Beni attack")["items"] if a["events"] >= 2
    )


def walk(client: TestClient, url: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a paged list, following next_cursor."""
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(1000):
        page = get(client, url, **params, **({"cursor": cursor} if cursor else {}))
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination does not end")


@pytest.mark.parametrize(
    ("url", "keys"),
    [
        ("/api/v1/stats", {"counts", "types", "top_actors", "sources", "published"}),
        ("/api/v1/articles", {"items", "next_cursor", "limit"}),
        ("/api/v1/events", {"items", "next_cursor", "limit"}),
        ("/api/v1/events/timeline", {"days", "by_type", "by_quad"}),
        ("/api/v1/events/places", {"items"}),
        ("/api/v1/events/network", {"nodes", "edges"}),
        ("/api/v1/actors", {"items", "next_cursor"}),
        ("/api/v1/statements", {"items", "next_cursor"}),
        ("/api/v1/figures", {"items", "next_cursor"}),
        ("/api/v1/places", {"items", "next_cursor"}),
        ("/api/v1/fused-events", {"items", "next_cursor"}),
        ("/api/v1/ledger", {"items"}),
    ],
)
def test_endpoints_answer(client: TestClient, url: str, keys: set[str]) -> None:
    assert keys <= set(get(client, url))


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/articles",
        "/api/v1/events",
        "/api/v1/actors",
        "/api/v1/statements",
        "/api/v1/figures",
        "/api/v1/places",
    ],
)
def test_cursor_pages_cover_the_list_once_in_order(client: TestClient, url: str) -> None:
    whole = get(client, url, limit=500)["items"]
    paged = walk(client, url, limit=7)
    assert len(whole) > 7
    key = "key" if "key" in whole[0] else "id"
    assert [r[key] for r in paged] == [r[key] for r in whole]


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"type": "ASSAULT"}, lambda e: e["type"] == "ASSAULT"),
        ({"type": ["ASSAULT", "PROTEST"]}, lambda e: e["type"] in ("ASSAULT", "PROTEST")),
        ({"quad": 4}, lambda e: e["quad"] == 4),
        (
            {"since": "2025-03-12", "until": "2025-03-14"},
            lambda e: "2025-03-12" <= e["date"][:10] <= "2025-03-14",
        ),
        ({"place": "COD"}, lambda e: e["place_country"] == "COD"),
        ({"bbox": "28,-2,31,2"}, lambda e: 28 <= e["lon"] <= 31 and -2 <= e["lat"] <= 2),
        ({"min_confidence": 0.6}, lambda e: e["confidence"] >= 0.6),
        ({"historical": "false"}, lambda e: not e["historical"]),
        ({"actor": "COD"}, lambda e: e["actors"] or e["recipients"]),
        ({"q": "Beni"}, lambda e: True),
    ],
)
def test_event_filters(client: TestClient, params: dict[str, Any], check: Any) -> None:
    items = get(client, "/api/v1/events", limit=500, **params)["items"]
    assert items, params
    assert all(check(e) for e in items)


@pytest.mark.parametrize(
    "params",
    [{"type": "NO_SUCH_TYPE"}, {"bbox": "-10,-80,-9,-79"}, {"q": "zzqxnotaword"}, {"since": "2030-01-01"}],
)
def test_event_filters_that_match_nothing(client: TestClient, params: dict[str, Any]) -> None:
    assert get(client, "/api/v1/events", **params)["items"] == []


def test_historical_events_only_when_asked(client: TestClient) -> None:
    default = {e["id"] for e in get(client, "/api/v1/events", limit=500)["items"]}
    every = get(client, "/api/v1/events", limit=500, historical="true")["items"]
    assert default < {e["id"] for e in every}
    assert any(e["historical"] for e in every)


@pytest.mark.parametrize(
    ("url", "params", "status", "parameter"),
    [
        ("/api/v1/events", {"limit": 0}, 422, "limit"),
        ("/api/v1/events", {"limit": 501}, 422, "limit"),
        ("/api/v1/events", {"cursor": "bm90IGEgY3Vyc29y"}, 400, "cursor"),
        ("/api/v1/events", {"since": "last week"}, 422, "since"),
        ("/api/v1/events", {"bbox": "1,2,3"}, 400, "bbox"),
        ("/api/v1/events", {"bbox": "0,50,10,40"}, 400, "bbox"),
        ("/api/v1/events", {"quad": 7}, 422, "quad"),
        ("/api/v1/events", {"min_confidence": 2}, 422, "min_confidence"),
        ("/api/v1/events", {"type": "<script>"}, 400, "type"),
        ("/api/v1/actors", {"kind": "planet"}, 422, "kind"),
        ("/api/v1/events/download", {"format": "xml"}, 422, "format"),
        ("/api/v1/articles/0000000000000000", {}, 404, None),
        ("/api/v1/events/nope:e1", {}, 404, None),
        ("/api/v1/actors/Nobody%20At%20All", {}, 404, None),
        ("/api/v1/nothing-here", {}, 404, None),
    ],
)
def test_errors_have_one_shape(
    client: TestClient, url: str, params: dict[str, Any], status: int, parameter: str | None
) -> None:
    r = client.get(url, params=params)
    assert r.status_code == status
    error = r.json()["error"]
    assert error["status"] == status and error["code"] and error["message"]
    if parameter:
        assert parameter in {d["parameter"] for d in error["details"]}


def test_a_cursor_from_another_list_is_refused(client: TestClient) -> None:
    cursor = get(client, "/api/v1/actors", limit=2)["next_cursor"]
    r = client.get("/api/v1/events", params={"cursor": cursor})
    assert r.status_code == 400


def test_article_segments_rebuild_the_text_and_carry_every_event(client: TestClient) -> None:
    key = with_events(client)
    art = get(client, f"/api/v1/articles/{key}")
    assert "".join(s["text"] for s in art["segments"]) == art["text"]
    assert art["events"]
    refs = {r for s in art["segments"] for r in s["refs"]}
    assert {e["id"] for e in art["events"]} <= refs
    for s in art["segments"]:
        assert art["text"][s["start"] : s["end"]] == s["text"]
    for e in art["events"]:
        assert art["text"][e["trigger_start"] : e["trigger_end"]] == e["trigger"]


def test_explain_says_which_rule_coded_each_event(client: TestClient) -> None:
    key = with_events(client)
    art = get(client, f"/api/v1/articles/{key}")
    out = get(client, f"/api/v1/articles/{key}/explain")
    assert out["events"] and all(x["rule"] and x["trigger"] for x in out["events"])
    assert {x["uid"] for x in out["events"]} == {e["id"] for e in art["events"]}


def test_event_detail_and_actor_network(client: TestClient) -> None:
    e = get(client, "/api/v1/events", type="ASSAULT")["items"][0]
    one = get(client, f"/api/v1/events/{e['id']}")
    assert one["type"] == "ASSAULT" and one["rule"] and one["evidence"]
    net = get(client, "/api/v1/events/network")
    key = net["nodes"][0]["id"]
    a = get(client, f"/api/v1/actors/{key}")
    assert a["network"]["edges"] and all(key in (x["source"], x["target"]) for x in a["network"]["edges"])


def test_download_holds_the_whole_filter(client: TestClient) -> None:
    every = walk(client, "/api/v1/events", type="ASSAULT", limit=5)
    r = client.get("/api/v1/events/download", params={"type": "ASSAULT", "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["id"] for row in rows] == [e["id"] for e in every]
    j = client.get("/api/v1/events/download", params={"type": "ASSAULT", "format": "json"}).json()
    assert [row["id"] for row in j] == [e["id"] for e in every]


def test_etag_and_not_modified(client: TestClient) -> None:
    r = client.get("/api/v1/events", params={"type": "ASSAULT"})
    assert r.headers["etag"] and r.headers["last-modified"]
    again = client.get(
        "/api/v1/events", params={"type": "ASSAULT"}, headers={"If-None-Match": r.headers["etag"]}
    )
    assert again.status_code == 304 and again.content == b""
    other = client.get(
        "/api/v1/events", params={"type": "PROTEST"}, headers={"If-None-Match": r.headers["etag"]}
    )
    assert other.status_code == 200


@pytest.mark.parametrize(
    "url", ["/", "/events", "/api/v1/events", "/openapi.json", "/nothing", "/static/explorer.js"]
)
def test_security_headers_everywhere(client: TestClient, url: str) -> None:
    h = client.get(url).headers
    assert h["content-security-policy"] == CSP
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP and "frame-ancestors 'none'" in CSP
    assert h["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    ("page", "twin"),
    [
        ("/", "/api/v1/stats"),
        ("/articles?q=Beni", "/api/v1/articles?q=Beni"),
        ("/events?type=ASSAULT&quad=4", "/api/v1/events?type=ASSAULT&amp;quad=4"),
        ("/actors", "/api/v1/actors"),
        ("/map?type=ASSAULT", "/api/v1/events/places?type=ASSAULT"),
        ("/statements?q=said", "/api/v1/statements?q=said"),
        ("/ledger", "/api/v1/ledger"),
    ],
)
def test_pages_render_with_their_json_twin(client: TestClient, page: str, twin: str) -> None:
    r = client.get(page)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert f'href="{twin}"' in r.text
    assert "<script>" not in r.text  # no inline script: only <script src=...>


def test_detail_pages(client: TestClient) -> None:
    key = with_events(client)
    assert 'class="seg' in client.get(f"/articles/{key}").text
    actor = get(client, "/api/v1/events/network")["nodes"][0]["id"]
    assert client.get(f"/actors/{actor}").status_code == 200
    assert client.get(f"/speakers/{actor}").status_code == 200
    assert client.get("/articles/0000000000000000", headers={"accept": "text/html"}).status_code == 404


def test_store_is_opened_read_only_and_ingest_can_write_beside(
    client: TestClient, example_store: Path
) -> None:
    conn = client.app.state.db.get()  # type: ignore[attr-defined]
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM errors")
    with open_store(example_store) as writer:  # a writer (ingest) opens the same file meanwhile
        writer.conn.execute("SELECT count(*) FROM articles").fetchone()
    assert get(client, "/api/v1/stats")["counts"]["articles"] > 0


@pytest.mark.parametrize("name", ["missing.db", "not-sqlite.db"])
def test_serving_a_bad_store_fails_clearly(tmp_path: Path, name: str) -> None:
    if name == "not-sqlite.db":
        (tmp_path / name).write_text("hello")
    with pytest.raises(StoreError, match=r"herald ingest|cannot open as an SQLite database"):
        create_app(tmp_path / name)


def test_hostile_text_is_escaped_in_html(xss_store: Path) -> None:
    with TestClient(create_app(xss_store)) as c:
        keys = [a["key"] for a in c.get("/api/v1/articles").json()["items"]]
        pages = [
            "/",
            "/articles",
            "/events?historical=true",
            "/statements",
            "/actors",
            *(f"/articles/{k}" for k in keys),
        ]
        for page in pages:
            html = c.get(page).text
            assert "<script>alert" not in html and "<img src=x" not in html and "<svg onload" not in html, (
                page
            )
            assert 'href="javascript:' not in html, page
        assert "&lt;script&gt;alert" in c.get(f"/articles/{keys[0]}").text


def test_fused_events_and_filters(client: TestClient) -> None:
    every = walk(client, "/api/v1/fused-events", limit=7)
    assert every and len({e["id"] for e in every}) == len(every)
    whole = get(client, "/api/v1/fused-events", limit=500)["items"]
    assert [e["id"] for e in every] == [e["id"] for e in whole]
    assault = get(client, "/api/v1/events", fused="true", type="ASSAULT", limit=500)["items"]
    assert assault and all(e["type"] == "ASSAULT" for e in assault)
    multi = get(client, "/api/v1/fused-events", min_sources=2, limit=500)["items"]
    assert multi and all(e["sources"] >= 2 for e in multi)
    one = get(client, f"/api/v1/fused-events/{assault[0]['id']}")
    assert one["members"] and all(m["article_key"] for m in one["members"])
    assert client.get("/api/v1/fused-events/Fnothing").status_code == 404


def test_ledger_lists_every_figure_by_source_over_time(client: TestClient) -> None:
    data = get(client, "/api/v1/ledger")
    assert data["available"] and data["items"]
    top = data["items"][0]
    assert top["rows"] and top["series"] and top["spread"] in {"none", "time", "source", "time+source"}
    assert sum(len(s["points"]) for s in top["series"]) >= 1
    assert [r["published"] for r in top["rows"]] == sorted(r["published"] for r in top["rows"])
    page = client.get("/ledger", params={"event": top["event"]}).text
    assert 'class="stepchart"' in page and 'id="members"' in page
    fused_page = client.get("/events", params={"fused": "true"}).text
    assert 'id="fused-table"' in fused_page and "/ledger?event=F" in fused_page


def test_a_store_never_fused_says_so(tmp_path: Path) -> None:
    open_store(tmp_path / "empty.db").close()
    with TestClient(create_app(tmp_path / "empty.db")) as c:
        data = c.get("/api/v1/ledger").json()
        assert data["available"] is False and "No fused events yet" in data["message"]
        assert c.get("/api/v1/events", params={"fused": "true"}).json()["items"] == []
        assert "No fused events yet" in c.get("/ledger").text
        assert "No fused events yet" in c.get("/events", params={"fused": "true"}).text
