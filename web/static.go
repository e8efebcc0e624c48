package web

import (
	"embed"
	"mime"
	"net/http"
	"path"
	"sync"
)

//go:embed static
var staticFS embed.FS

// asset is an embedded file ready to serve.
type asset struct {
	body  []byte
	ctype string
	etag  string
}

// assets are read once, on first use: they are part of the binary and
// never change while it runs, and a lede that serves nothing (every other
// command) should not pay for reading them and the system's MIME table
// at start, which was most of its start-up time.
var assets = sync.OnceValue(func() map[string]asset {
	out := map[string]asset{}
	entries, err := staticFS.ReadDir("static")
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		b, err := staticFS.ReadFile("static/" + e.Name())
		if err != nil {
			panic(err)
		}
		out[e.Name()] = asset{body: b, ctype: mime.TypeByExtension(path.Ext(e.Name())), etag: etagOf(b)}
	}
	return out
})

// staticVersion is a short hash of an asset for its URL, so a page can
// let browsers keep an asset for long and still get a changed one.
func staticVersion(name string) string {
	a, ok := assets()[name]
	if !ok {
		panic("web: no static asset " + name)
	}
	return a.etag[1:9]
}

// serveStatic is GET /static/{name}: the style sheet and the script.
func serveStatic(w http.ResponseWriter, r *http.Request) {
	a, ok := assets()[r.PathValue("name")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=86400")
	w.Header().Set("ETag", a.etag)
	if matchesETag(r.Header.Get("If-None-Match"), a.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", a.ctype)
	w.Write(a.body)
}
