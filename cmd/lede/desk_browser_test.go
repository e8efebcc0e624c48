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
