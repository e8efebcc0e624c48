package revision

import (
	"fmt"
	"regexp"
	"sync"
)

// Regexp is a regular expression compiled the first time it is used.
// Every lede process links every format's parser, and compiling all their
// expressions at start-up cost more than a whole diff of two pages of
// one format: each format's expressions are compiled only once an input of
// that format is read. The methods are those of regexp.Regexp that the
// parsers use.
type Regexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
}

// lazies lists every expression LazyRegexp made, for CompileAll.
var (
	lazyMu sync.Mutex
	lazies []*Regexp
)

// LazyRegexp is regexp.MustCompile deferred to the first use; an
// expression that does not compile panics then (CompileAll, run by the
// tests, finds it first).
func LazyRegexp(expr string) *Regexp {
	r := &Regexp{expr: expr}
	lazyMu.Lock()
	lazies = append(lazies, r)
	lazyMu.Unlock()
	return r
}

// CompileAll compiles every expression LazyRegexp has made so far and
// reports the first that does not compile.
func CompileAll() error {
	lazyMu.Lock()
	all := append([]*Regexp(nil), lazies...)
	lazyMu.Unlock()
	for _, r := range all {
		if _, err := regexp.Compile(r.expr); err != nil {
			return fmt.Errorf("%q: %w", r.expr, err)
		}
	}
	return nil
}

// Re is the compiled expression.
func (r *Regexp) Re() *regexp.Regexp {
	r.once.Do(func() { r.re = regexp.MustCompile(r.expr) })
	return r.re
}

func (r *Regexp) String() string                       { return r.expr }
func (r *Regexp) Match(b []byte) bool                  { return r.Re().Match(b) }
func (r *Regexp) MatchString(s string) bool            { return r.Re().MatchString(s) }
func (r *Regexp) FindString(s string) string           { return r.Re().FindString(s) }
func (r *Regexp) FindStringIndex(s string) []int       { return r.Re().FindStringIndex(s) }
func (r *Regexp) FindStringSubmatch(s string) []string { return r.Re().FindStringSubmatch(s) }
func (r *Regexp) FindSubmatch(b []byte) [][]byte       { return r.Re().FindSubmatch(b) }
func (r *Regexp) FindStringSubmatchIndex(s string) []int {
	return r.Re().FindStringSubmatchIndex(s)
}
func (r *Regexp) FindAllString(s string, n int) []string { return r.Re().FindAllString(s, n) }
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	return r.Re().FindAllStringIndex(s, n)
}
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return r.Re().FindAllStringSubmatchIndex(s, n)
}
func (r *Regexp) ReplaceAllString(src, repl string) string {
	return r.Re().ReplaceAllString(src, repl)
}
func (r *Regexp) ReplaceAllStringFunc(src string, f func(string) string) string {
	return r.Re().ReplaceAllStringFunc(src, f)
}
func (r *Regexp) Split(s string, n int) []string { return r.Re().Split(s, n) }
