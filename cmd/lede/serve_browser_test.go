package main

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// hostileDir holds two versions of a story with script and markup in
// headline and body.
const hostileDir = "../../testdata/hostile"

// findChromium is the browser the test drives: $LEDE_CHROMIUM, else
// Debian's chromium or another Chrome on the PATH.
func findChromium() string {
	if p := os.Getenv("LEDE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// serveBinary starts the built lede serving db on a free loopback port
// (with serve's flags extra) and returns its base URL; the server is stopped with SIGINT, as
// Ctrl-C does, when the test ends, and must exit 0.
func serveBinary(t *testing.T, db string, extra ...string) string {
	t.Helper()
	cmd := exec.Command(binary(t), append([]string{"--db", db, "serve", "--addr", "127.0.0.1:0"}, extra...)...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stderr)
	var base string
	for lines.Scan() {
		if m := servingRe.FindStringSubmatch(lines.Text()); m != nil {
			base = m[1]
			break
		}
	}
	if base == "" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal("lede serve did not say where it listens")
	}
	go func() {
		for lines.Scan() {
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGINT)
		if err := cmd.Wait(); err != nil {
			t.Errorf("lede serve after SIGINT: %v", err)
		}
	})
	return base
}

// TestBrowser drives headless Chromium through the real server on a
// database of the corpus plus a hostile story: the story list, a story,
// the compare form, the diff in both views, and the hostile story, whose
// markup must show as text and run nothing.
func TestBrowser(t *testing.T) {
	chromium := findChromium()
	if chromium == "" {
		t.Skip("no Chromium found (looked for $LEDE_CHROMIUM, chromium, chromium-browser, google-chrome, headless_shell): " +
			"install Debian's chromium package (.ci/run does) to run the browser test")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "lede.db")
	runBinary(t, "", nil, "--db", db, "ingest", pagesDir)
	if r := runBinary(t, "", nil, "--db", db, "ingest", hostileDir); r.code != 0 {
		t.Fatalf("ingest hostile pages: %d\n%s", r.code, r.stderr)
	}
	base := serveBinary(t, db)

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium),
		chromedp.WindowSize(412, 915)) // a phone's viewport
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox)
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	defer cancelTimeout()
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}

	// The list, then a search through its form.
	do("open the list", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("ol.stories")))
	if n := eval[int](t, ctx, `document.querySelectorAll("ol.stories li").length`); n != 50 {
		t.Errorf("list shows %d stories, want a page of 50", n)
	}
	do("search", chromedp.SetValue(chromedp.CSS("#q"), "exit polls"),
		chromedp.Submit(chromedp.CSS("#q")), chromedp.WaitVisible(chromedp.CSS("a.headline")))
	do("open the story", chromedp.Click(chromedp.CSS("ol.stories a.headline")), chromedp.WaitVisible(chromedp.CSS("form.timeline")))
	if url := eval[string](t, ctx, `location.href`); !strings.HasSuffix(url, "/s/220309-exit-polls-project-lee") {
		t.Fatalf("the search result led to %s", url)
	}

	// The timeline: three versions; the script keeps "to" after "from".
	// The radios' values are the versions' refs; data-n their places.
	do("pick from 2 after to 1", chromedp.Click(chromedp.CSS(`input[name="from"][data-n="1"]`)),
		chromedp.Click(chromedp.CSS(`input[name="to"][data-n="1"]`)),
		chromedp.Click(chromedp.CSS(`input[name="from"][data-n="2"]`)))
	versions := eval[int](t, ctx, `document.querySelectorAll("li.version").length`)
	toChecked := eval[string](t, ctx, `document.querySelector('input[name="to"]:checked').dataset.n`)
	if versions != 3 || toChecked != "3" {
		t.Errorf("timeline: %d versions; after from=2, to=%s (want 3: is the script blocked?)", versions, toChecked)
	}
	do("pick 1 to 3", chromedp.Click(chromedp.CSS(`input[name="from"][data-n="1"]`)),
		chromedp.Click(chromedp.CSS(`input[name="to"][data-n="3"]`)))
	ref1 := eval[string](t, ctx, `document.querySelector('input[name="from"][data-n="1"]').value`)
	ref3 := eval[string](t, ctx, `document.querySelector('input[name="to"][data-n="3"]').value`)

	// The diff: inserted words highlighted, in both views.
	do("compare", chromedp.Click(chromedp.CSS(`form.timeline button[type="submit"]`)), chromedp.WaitVisible(chromedp.CSS(".paras")))
	if url := eval[string](t, ctx, `location.href`); !strings.Contains(url, "/s/220309-exit-polls-project-lee/diff?from="+ref1+"&to="+ref3) || !strings.HasPrefix(ref1, "r") {
		t.Errorf("compare led to %s", url)
	}
	inserted := eval[[]string](t, ctx, `Array.from(document.querySelectorAll(".paras ins")).map(e => e.textContent)`)
	const added = "Final results are expected to come late night or early Thursday morning."
	if !containsText(inserted, added) {
		t.Errorf("inserted words on the page lack %q: %q", added, inserted)
	}
	bg := eval[string](t, ctx, `getComputedStyle(document.querySelector(".paras ins")).backgroundColor`)
	if bg == "" || bg == "rgba(0, 0, 0, 0)" {
		t.Errorf("inserted words are not highlighted (background %q): is the style sheet blocked?", bg)
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(80))
	if err != nil {
		t.Fatal(err)
	}
	shotPath := filepath.Join(t.TempDir(), "diff.jpg")
	if err := os.WriteFile(shotPath, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot of the diff: %s (%d bytes)", shotPath, len(shot))
	if len(shot) < 5000 {
		t.Errorf("screenshot of %d bytes", len(shot))
	}
	do("side by side", chromedp.Click(chromedp.CSS("nav.views a")), chromedp.WaitVisible(chromedp.CSS("table.side")))
	side := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("td.new ins")).map(e => e.textContent)`)
	if !containsText(side, added) {
		t.Errorf("side by side: inserted words lack %q: %q", added, side)
	}

	checkHostile(t, ctx, base)
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

func containsText(list []string, s string) bool {
	for _, x := range list {
		if strings.Contains(x, s) {
			return true
		}
	}
	return false
}

// checkHostile opens every page that shows the hostile story and checks
// that its markup is text on the page and that none of it ran.
func checkHostile(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	status, body := httpGet(t, base+"/api/stories?q=hostile")
	var found []jsonStory
	if err := json.Unmarshal([]byte(body), &found); err != nil || status != 200 {
		t.Fatalf("the hostile story: %d %v %s", status, err, body)
	}
	// The search reads body text too ("hostile policy"): the story is the
	// one with the markup in its headline.
	id := ""
	for _, s := range found {
		if strings.Contains(s.Headline, "Hostile <b>bold</b>") {
			id = s.ID
		}
	}
	if id == "" {
		t.Fatalf("no hostile headline among %d stories found", len(found))
	}
	for _, path := range []string{"/?q=hostile", "/s/" + id, "/s/" + id + "/diff", "/s/" + id + "/diff?view=side"} {
		err := chromedp.Do(ctx, chromedp.Navigate(base+path), chromedp.WaitReady(chromedp.CSS("main")),
			chromedp.Sleep(100*time.Millisecond)) // time for any handler to fire
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		pwned := eval[string](t, ctx, `typeof window.pwned`)
		text := eval[string](t, ctx, `document.querySelector("main").innerText`)
		injected := eval[int](t, ctx, `document.querySelectorAll("main script, main img, main iframe, main b, main a[href^='javascript']").length`)
		if pwned != "undefined" {
			t.Errorf("%s: window.pwned is %s: the page ran injected script", path, pwned)
		}
		if injected != 0 {
			t.Errorf("%s: %d injected elements in the page", path, injected)
		}
		if !strings.Contains(text, "<script>window.pwned=1</script> Hostile <b>bold</b> headline") {
			t.Errorf("%s: the headline does not show as text:\n%.600s", path, text)
		}
		if strings.Contains(path, "/diff") && !strings.Contains(text, `<img src=x onerror="window.pwned=2">`) {
			t.Errorf("%s: the body's markup does not show as text:\n%.600s", path, text)
		}
	}
}
