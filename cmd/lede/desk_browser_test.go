package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browser starts headless Chromium with a window of width × height and
// returns a context to drive it and a function that runs steps, failing
// the test with what on an error. It skips the test without Chromium.
func browser(t *testing.T, width, height int) (context.Context, func(what string, steps ...chromedp.Action[chromedp.Void])) {
	t.Helper()
	chromium := findChromium()
	if chromium == "" {
		t.Skip("no Chromium found (looked for $LEDE_CHROMIUM, chromium, chromium-browser, google-chrome, headless_shell)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium), chromedp.WindowSize(width, height))
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox)
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancelTimeout)
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// The window's size includes the browser's chrome; the layout
	// tests want the page's own width.
	do("set the viewport", chromedp.EmulateViewport(int64(width), int64(height)))
	return ctx, do
}

// deskDB is a database of the bundled Yonhap pages.
func deskDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "lede.db")
	if r := runBinary(t, "", nil, "--db", db, "ingest", pagesDir); r.code != 0 {
		t.Fatalf("ingest: %d\n%s", r.code, r.stderr)
	}
	return db
}

const exitPollsPath = "/s/220309-exit-polls-project-lee"

// TestBrowserVersionPage reads a version on the web at a desk's width:
// the timeline links its reading page, which numbers its paragraphs,
// sets the dateline apart, names its ref, links the latest clean copy,
// and holds its text in a copy box equal to the .txt; side by side then
// takes the whole window.
func TestBrowserVersionPage(t *testing.T) {
	base := serveBinary(t, deskDB(t))
	ctx, do := browser(t, 1280, 900)

	do("open the story", chromedp.Navigate(base+exitPollsPath), chromedp.WaitVisible(chromedp.CSS("form.timeline")))
	verdicts := eval[int](t, ctx, `document.querySelectorAll("li.version .verdict").length`)
	if verdicts == 0 {
		t.Error("the timeline lost the note verdicts")
	}
	do("read @2", chromedp.Click(chromedp.CSS(`li.version:nth-child(2) a.read`)), chromedp.WaitVisible(chromedp.CSS("article.reading")))
	nums := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("ol.reading-paras li .n")).map(e => e.textContent)`)
	if len(nums) < 3 || nums[0] != "1" || nums[len(nums)-1] != strconv.Itoa(len(nums)) {
		t.Errorf("paragraph numbers %q", nums)
	}
	if d := eval[string](t, ctx, `document.querySelector("ol.reading-paras li .dateline").textContent`); !strings.HasPrefix(d, "SEOUL") {
		t.Errorf("the first paragraph's dateline is %q", d)
	}
	ref := eval[string](t, ctx, `document.querySelector(".vhead .ref code").textContent`)
	if !strings.HasPrefix(ref, "r") || !strings.HasSuffix(eval[string](t, ctx, `location.pathname`), "/r/"+ref) {
		t.Errorf("ref %q on page %s", ref, eval[string](t, ctx, `location.pathname`))
	}
	box := eval[string](t, ctx, `document.getElementById("copytext").value`)
	status, txt := httpGet(t, base+"/r/"+ref+".txt")
	if status != 200 || box != txt || !strings.Contains(box, "\n\nSEOUL") {
		t.Errorf("copy box and /r/%s.txt (%d) differ or lack the dateline paragraph:\n%q\n%q", ref, status, box, txt)
	}
	paras := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("ol.reading-paras li")).map(e => e.textContent.replace(/^\d+ /, ""))`)
	for i, p := range paras {
		if !strings.Contains(box+"\n", "\n\n"+p+"\n\n") {
			t.Errorf("paragraph %d is not a block of the copy text: %q", i+1, p)
		}
	}
	if eval[bool](t, ctx, `document.querySelector("button.copy").hidden`) {
		t.Error("the copy button stays hidden with the script on")
	}
	do("copy", chromedp.Click(chromedp.CSS("button.copy")), chromedp.Sleep(200*time.Millisecond))
	if sel := eval[string](t, ctx, `(() => { const b = document.getElementById("copytext"); return b.value.substring(b.selectionStart, b.selectionEnd) })()`); sel != box {
		t.Errorf("the copy button selected %d of %d characters", len(sel), len(box))
	}
	do("latest clean copy", chromedp.Click(chromedp.CSS("a.latest-copy")), chromedp.WaitVisible(chromedp.CSS("p.is-latest")))
	if h := eval[string](t, ctx, `document.querySelector(".vhead .marker").textContent`); h != "2nd LD" {
		t.Errorf("the latest clean copy is the %q, want the 2nd LD", h)
	}

	do("side by side", chromedp.Navigate(base+exitPollsPath+"/diff?from=1&to=3&view=side"), chromedp.WaitVisible(chromedp.CSS("table.side")))
	if w := eval[int](t, ctx, `document.querySelector("table.side").getBoundingClientRect().width`); w < 1200 {
		t.Errorf("side by side is %dpx wide in a 1280px window", w)
	}
}

// TestBrowserPhoneLayout opens side by side in a phone's 390px: the
// columns stack, and each side says whether it is old or new.
func TestBrowserPhoneLayout(t *testing.T) {
	base := serveBinary(t, deskDB(t))
	ctx, do := browser(t, 390, 844)
	do("side by side", chromedp.Navigate(base+exitPollsPath+"/diff?from=1&to=3&view=side"), chromedp.WaitVisible(chromedp.CSS("table.side")))
	label := func(sel string) string {
		return eval[string](t, ctx, `(() => { const td = Array.from(document.querySelectorAll("`+sel+`")).find(e => e.offsetParent !== null);
			return td ? getComputedStyle(td, "::before").content : "none" })()`)
	}
	if l := label("td.old"); !strings.Contains(l, "old @1") {
		t.Errorf("old side's label on a phone: %s", l)
	}
	if l := label("td.new"); !strings.Contains(l, "new @3") {
		t.Errorf("new side's label on a phone: %s", l)
	}
	if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("the page is %dpx wide on a 390px phone", w)
	}
	if w := eval[int](t, ctx, `document.querySelector("td.new").getBoundingClientRect().width`); w < 300 {
		t.Errorf("a side is %dpx wide: the columns did not stack", w)
	}
	do("read on a phone", chromedp.Navigate(base+exitPollsPath+"/latest"), chromedp.WaitVisible(chromedp.CSS("article.reading")))
	if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("the reading page is %dpx wide on a 390px phone", w)
	}
}

// deskDir holds hand-made Yonhap-style pages (not real wire copy) for
// the desk view: an (URGENT) item and its corrected lead (quake-*), and
// a lead whose note claims a byline it does not add (rain-2: the note
// check's NOT SEEN).
const (
	deskDir   = "../../testdata/desk"
	deskPages = 4
)

// TestBrowserDeskRefresh opens the desk view of the last hour: every
// update newest first, filters that work from the form, and a meta
// refresh that brings in a page ingested while it is open.
func TestBrowserDeskRefresh(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lede.db")
	pages, err := filepath.Glob(filepath.Join(pagesDir, "*.txt"))
	if err != nil || len(pages) < 3 {
		t.Fatalf("pages: %v", err)
	}
	last := pages[len(pages)-1]
	pages = append(pages[:len(pages)-1], deskDir)
	if r := runBinary(t, "", nil, append([]string{"--db", db, "ingest"}, pages...)...); r.code != 0 {
		t.Fatalf("ingest: %d\n%s", r.code, r.stderr)
	}
	base := serveBinary(t, db)
	ctx, do := browser(t, 1280, 900)

	do("open the desk", chromedp.Navigate(base+"/"), chromedp.Click(chromedp.CSS(`nav.desknav a[href="/?within=hour"]`)),
		chromedp.WaitVisible(chromedp.CSS("ol.updates")))
	refs := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("li.update")).map(e => e.dataset.ref)`)
	if len(refs) != len(pages)-1+deskPages {
		t.Errorf("the desk lists %d updates, want the %d ingested", len(refs), len(pages)-1+deskPages)
	}
	for i := 1; i < len(refs); i++ {
		if a, b := refNum(refs[i-1]), refNum(refs[i]); a <= b {
			t.Errorf("updates out of order: %s before %s", refs[i-1], refs[i])
		}
	}
	if c := eval[string](t, ctx, `document.querySelector('meta[http-equiv="refresh"]').content`); c != "60" {
		t.Errorf("the desk refreshes every %q, want 60", c)
	}

	// Filter on NOT SEEN verdicts through the form.
	do("filter NOT SEEN", chromedp.Click(chromedp.CSS(`input[name="flag"][value="notseen"]`)),
		chromedp.Click(chromedp.CSS(`form.deskfilter button`)))
	waitFor(t, ctx, `location.search.includes("flag=notseen") && document.readyState === "complete"`)
	flagged := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("li.update")).map(e => e.className)`)
	if len(flagged) != 1 {
		t.Errorf("the NOT SEEN filter keeps %d of %d updates, want the rain story's LEAD", len(flagged), len(refs))
	}
	for _, c := range flagged {
		if !strings.Contains(c, "notseen") {
			t.Errorf("an update without the notseen flag passed the filter: %q", c)
		}
	}

	// Refresh: a page ingested while the desk is open shows up.
	do("refresh every 10s", chromedp.Navigate(base+"/?within=hour&refresh=10"), chromedp.WaitVisible(chromedp.CSS("ol.updates")),
		chromedp.Evaluate[chromedp.Void](`window.stale = 1`))
	if r := runBinary(t, "", nil, "--db", db, "ingest", last); r.code != 0 {
		t.Fatalf("ingest %s: %d\n%s", last, r.code, r.stderr)
	}
	deadline := time.Now().Add(25 * time.Second)
	for {
		n := eval[int](t, ctx, `typeof window.stale === "undefined" && document.querySelector("ol.updates") ? document.querySelectorAll("li.update").length : -1`)
		if n == len(refs)+1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 25s the desk shows %d updates, want %d: did it refresh?", n, len(refs)+1)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// waitFor polls the page until the JavaScript condition holds, for up to
// 10s. An evaluation that meets a navigation (a form just submitted) fails
// with "Inspected target navigated or closed"; it is tried again, as a
// false condition is, until the deadline.
func waitFor(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+cond+")"))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 10s, still not %s (at %s; last error %v)", cond, eval[string](t, ctx, "location.href"), err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// refNum is a ref's arrival number.
func refNum(ref string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(ref, "r"))
	return n
}

// TestBrowserMarkButton marks a version from the timeline of a server
// started with --allow-marks: the page comes back at that version, marked,
// with a link to what changed since, which compares the mark with the
// latest; lede mark lists the same mark, and unmark takes it off.
func TestBrowserMarkButton(t *testing.T) {
	db := deskDB(t)
	base := serveBinary(t, db, "--allow-marks")
	ctx, do := browser(t, 1280, 900)
	do("open the story", chromedp.Navigate(base+exitPollsPath), chromedp.WaitVisible(chromedp.CSS("form.timeline")))
	ref2 := eval[string](t, ctx, `document.querySelector('li.version:nth-child(2) button.mark').value`)
	ref3 := eval[string](t, ctx, `document.querySelector('li.version:nth-child(3)').id`)
	do("mark @2", chromedp.Click(chromedp.CSS(`li.version:nth-child(2) button.mark`)))
	waitFor(t, ctx, `location.hash === "#`+ref2+`" && document.querySelector("li.version:nth-child(2) .badge.markedb")`)
	if n := eval[int](t, ctx, `document.querySelectorAll(".badge.markedb").length`); n != 1 {
		t.Errorf("%d versions show MARKED, want 1", n)
	}
	r := runBinary(t, "", nil, "--db", db, "mark", "--json")
	if r.code != 0 || !strings.Contains(r.stdout, `"ref": "`+ref2+`"`) {
		t.Errorf("lede mark after the button: %d %s%s", r.code, r.stdout, r.stderr)
	}
	do("what changed since", chromedp.Click(chromedp.CSS("a.since-mark")), chromedp.WaitVisible(chromedp.CSS(".paras")))
	if u := eval[string](t, ctx, `location.search`); u != "?from="+ref2+"&to="+ref3 {
		t.Errorf("since the mark: %s, want from %s to %s", u, ref2, ref3)
	}
	do("back", chromedp.Navigate(base+exitPollsPath), chromedp.WaitVisible(chromedp.CSS("form.timeline")))
	do("unmark", chromedp.Click(chromedp.CSS(`li.version:nth-child(2) button.unmark`)))
	waitFor(t, ctx, `document.readyState === "complete" && document.querySelector("li.version:nth-child(2) button.mark") && !document.querySelector(".badge.markedb")`)
	if r := runBinary(t, "", nil, "--db", db, "mark", "--json"); r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("lede mark after unmark: %d %s", r.code, r.stdout)
	}
}
