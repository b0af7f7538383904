"""The explorer in a real headless Chromium (Debian's chromium + chromium-driver, driven by Selenium).

Screenshots are saved under test-artifacts/screenshots/ (gitignored). Skipped when Chromium is not installed,
except on CI (``CI=true``), where ``make setup`` installs it and a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

ARTIFACTS = Path(__file__).parent.parent / "test-artifacts" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")

if not (CHROMIUM and DRIVER):
    if os.environ.get("CI"):
        raise RuntimeError("CI needs Debian's chromium and chromium-driver: `make setup` installs them")
    pytest.skip(
        "chromium / chromedriver not installed (apt-get install chromium chromium-driver)",
        allow_module_level=True,
    )

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


class Server:
    """``herald serve`` (uvicorn) on a free loopback port, in a thread of the test process."""

    def __init__(self, db: Path) -> None:
        import uvicorn

        from herald.web import create_app

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        config = uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started:
            if time.time() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or ""
    profile = tempfile.mkdtemp(prefix="herald-chromium-")
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--window-size=1400,1000",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER or ""), options=options)
    driver.set_page_load_timeout(30)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def site(example_store: Path) -> Iterator[str]:
    server = Server(example_store)
    yield server.url
    server.stop()


def wait(driver: WebDriver, css: str, timeout: float = 15) -> Any:
    return WebDriverWait(driver, timeout).until(ec.presence_of_element_located((By.CSS_SELECTOR, css)))


def shot(driver: WebDriver, name: str) -> None:
    driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))


def console_errors(driver: WebDriver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_explorer_walkthrough(browser: WebDriver, site: str) -> None:
    # overview
    browser.get(site + "/")
    wait(browser, ".cards")
    assert "Overview" in browser.title
    shot(browser, "01-overview")

    # an article: click an event span, see its rule
    browser.get(site + "/articles?q=Beni+attack")
    wait(browser, "a.article-link")
    rows = browser.find_elements(By.CSS_SELECTOR, "#articles tbody tr")
    row = next(r for r in rows if int(r.find_element(By.CSS_SELECTOR, "td.num").text) >= 2)
    row.find_element(By.CSS_SELECTOR, "a.article-link").click()
    span = wait(browser, "#text .seg.k-event")
    span.click()
    record = wait(browser, "#panel-body .record.k-event")
    assert "rule" in record.text and "verb:" in record.text
    assert "confidence" in record.text
    shot(browser, "02-article-event-panel")

    # events: filter the timeline by type
    browser.get(site + "/events")
    wait(browser, "#timeline svg rect.bar")
    Select(browser.find_element(By.ID, "f-type")).select_by_value("ASSAULT")
    browser.find_element(By.ID, "apply-filters").click()
    WebDriverWait(browser, 15).until(lambda d: "type=ASSAULT" in d.current_url)
    wait(browser, "#timeline svg rect.bar")
    types = {t.text for t in browser.find_elements(By.CSS_SELECTOR, "#events-table tbody .tag")}
    assert types == {"ASSAULT"}
    assert "type=ASSAULT" in browser.find_element(By.ID, "download-csv").get_attribute("href")
    assert "type=ASSAULT" in browser.find_element(By.ID, "json-twin").get_attribute("href")
    shot(browser, "03-events-timeline-assault")
    # click a bar: the page filters to that day
    browser.find_element(By.CSS_SELECTOR, "#timeline svg rect.bar").click()
    WebDriverWait(browser, 15).until(lambda d: "since=" in d.current_url)

    # actor network: follow an actor
    browser.get(site + "/actors")
    node = wait(browser, "#network svg g.node")
    name = node.get_attribute("data-key")
    node.find_element(By.CSS_SELECTOR, "circle").click()
    heading = wait(browser, "#actor-name")
    assert "/actors/" in browser.current_url and heading.text
    wait(browser, "#network svg g.node.focus")
    shot(browser, "04-actor-network")
    edges = browser.find_elements(By.CSS_SELECTOR, "#network svg path.edge")
    assert edges, name
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", edges[0])
    WebDriverWait(browser, 15).until(lambda d: "/events?" in d.current_url and "recipient=" in d.current_url)
    assert browser.find_elements(By.CSS_SELECTOR, "#events-table tbody .tag")

    # map
    browser.get(site + "/map")
    wait(browser, "#map svg circle.point")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#map svg path.country")) > 100
    shot(browser, "05-map")

    # statements and a speaker page
    browser.get(site + "/statements?q=said")
    wait(browser, "#statements-table a.speaker-link").click()
    wait(browser, "#speaker-name")
    shot(browser, "06-speaker")

    # fused events, then the ledger of one: step chart and table
    browser.get(site + "/events?fused=true&type=ASSAULT")
    wait(browser, "#fused-table a.fused-link").click()
    wait(browser, "#members")
    wait(browser, ".stepchart svg path.step")
    assert browser.find_elements(By.CSS_SELECTOR, ".ledger-table tbody tr")
    shot(browser, "07-ledger")
    browser.execute_script("document.querySelector('.ledger-item').scrollIntoView()")
    shot(browser, "08-ledger-step-chart")
    assert console_errors(browser) == []


def test_no_injected_script_runs(browser: WebDriver, xss_store: Path) -> None:
    server = Server(xss_store)
    try:
        site = server.url
        browser.get(site + "/api/v1/articles")
        keys = [
            a["key"]
            for a in __import__("json").loads(browser.find_element(By.TAG_NAME, "body").text)["items"]
        ]
        assert len(keys) == 2
        pages = [
            "/",
            "/articles",
            "/events?historical=true",
            "/actors",
            "/statements",
            "/map?historical=true",
            "/ledger",
            *(f"/articles/{k}" for k in keys),
        ]
        browser.get(site + "/statements")
        speakers = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a.speaker-link")]
        browser.get(site + "/actors")
        actors = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a.actor-link")]
        for url in [site + p for p in pages] + speakers[:3] + actors[:5]:
            browser.get(url)
            wait(browser, "main")
            time.sleep(0.3)  # let the page's own scripts (timeline, network, map) run
            for seg in browser.find_elements(By.CSS_SELECTOR, "#text .seg")[:12]:
                seg.click()  # the panel renders records from the API: must stay text too
            assert_clean(browser, url)
        browser.get(site + f"/articles/{keys[0]}")
        assert "<script>alert(" in browser.find_element(By.ID, "text").text
        shot(browser, "09-xss-article")
    finally:
        server.stop()


def assert_clean(driver: WebDriver, url: str) -> None:
    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        raise AssertionError(f"{url}: a script ran (alert {text!r})")
    except NoAlertPresentException:
        pass
    scripts = driver.execute_script("return [...document.scripts].map(s => s.src)")
    assert all(s.endswith("/static/explorer.js") for s in scripts), (url, scripts)
    injected = driver.execute_script(
        "return document.querySelectorAll('img, svg[onload], [onerror], [onmouseover], [onload], iframe, "
        'a[href^="javascript:"], b, textarea\').length'
    )
    assert injected == 0, url
    assert console_errors(driver) == [], url
