package diff

import (
	"fmt"
	"html/template"
	"io"
	"sync"

	"lede/revision"
)

// htmlPage is one self-contained page: no script, no external resource,
// every piece of story text escaped by html/template. It is parsed on
// first use, not at the start of every lede command.
var htmlPage = sync.OnceValue(func() *template.Template {
	return template.Must(template.Must(HTMLTemplates(template.New("diff"))).Parse(htmlPageText))
})

const htmlPageText = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{{.Title}} — lede diff</title>
<style>
body{font:16px/1.5 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem} h2.rev{font:bold 15px system-ui,sans-serif;border-top:2px solid #ccc;padding-top:1rem;margin-top:2.5rem}
.meta{color:#666;font:14px/1.4 system-ui,sans-serif}
ins{background:#d4f7d4;text-decoration:none} del{background:#fbd4d4}
ol{list-style:none;padding:0} li{margin:.6rem 0;padding-left:3.2rem;position:relative}
li .n{position:absolute;left:0;width:2.6rem;text-align:right;color:#888;font:13px system-ui,sans-serif}
li.equal{color:#777} li.insert{border-left:4px solid #3a3} li.delete{border-left:4px solid #c33}
li.change,li.move{border-left:4px solid #c90} li.cut{border-left:4px dotted #aaa;color:#999} .tag{color:#888;font:13px system-ui,sans-serif}
table{border-collapse:collapse;font:14px system-ui,sans-serif} td{padding:.2rem .6rem;border-top:1px solid #ddd}
</style></head><body>
{{range .Sections}}{{if .Heading}}<h2 class="rev">{{.Heading}}</h2>{{end}}{{template "result" .Result}}{{end}}
</body></html>
{{define "result"}}
<h1>{{if .Headline.Words}}{{range .Headline.Words}}{{template "w" .}}{{end}}{{else}}{{.Headline.New}}{{end}}</h1>
<p class="meta">{{.FromName}} → {{.ToName}}<br><strong>{{.Summary}}</strong>
{{if .Byline.Words}}<br>Byline: {{range .Byline.Words}}{{template "w" .}}{{end}}{{else if .Byline.New}}<br>Byline: {{.Byline.New}}{{end}}</p>
{{if .Figures}}<p class="meta figures">Figures: <strong>{{figures .Figures}}</strong></p>{{end}}
{{if .Note}}<p class="meta">{{noteText .Agency .Note}}</p>{{end}}
{{if .NoteCheck}}<table>{{range .NoteCheck}}<tr><td>{{.Action}}</td><td><strong>{{.Result}}</strong></td><td>{{.Why}}</td></tr>{{end}}</table>{{end}}
{{if .Unannounced}}<p class="meta">Not announced by the note: {{unannounced .Unannounced}}</p>{{end}}
{{template "paras" .Paragraphs}}
{{end}}
`

// Section is one result on an HTML page, under a heading such as
// "rev 3 (2nd LD) 2022-03-09" ("" for none).
type Section struct {
	Heading string
	Result  *Result
}

// WriteHTMLPage renders several results, a story's whole evolution say,
// as one self-contained page.
func WriteHTMLPage(w io.Writer, sections []Section) error {
	title := ""
	if n := len(sections); n > 0 {
		title = sections[n-1].Result.Headline.New
	}
	return htmlPage().Execute(w, struct {
		Title    string
		Sections []Section
	}{title, sections})
}

// htmlParts render paragraphs and words; the lede diff page and the web
// view share them.
const htmlParts = `{{define "paras"}}<ol>{{range .}}<li class="{{if .Cut}}cut{{else}}{{.Op}}{{end}}"><span class="n">{{if .New}}{{num .New}}{{else}}({{num .Old}}){{end}}</span>
{{- if and .Cut .Words}}{{range .Words}}{{template "w" .}}{{end}} <span class="tag">({{cutNote .}})</span>
{{- else if .Cut}}{{.Text}} <span class="tag">({{cutNote .}})</span>
{{- else if eq (print .Op) "insert"}}<ins>{{.Text}}</ins>
{{- else if eq (print .Op) "delete"}}<del>{{.Text}}</del>
{{- else if .Words}}{{range .Words}}{{template "w" .}}{{end}}
{{- else}}{{.Text}}{{end}}
{{- if eq (print .Op) "move"}} <span class="tag">(moved from {{num .Old}})</span>{{end}}
{{- if .Split}} <span class="tag">(split from {{num .Old}})</span>{{end}}
{{- if .Merge}} <span class="tag">(merged from {{num .Old}})</span>{{end}}</li>
{{end}}</ol>{{end}}
{{define "w"}}{{if .Abuts}} {{end}}{{if .Cut}}{{if eq (print .Op) "insert"}}<span class="tag">[older page cut off here]</span>{{.Text}}{{else}}<span class="tag">…</span>{{end}}{{else if eq (print .Op) "insert"}}<ins>{{.Text}}</ins>{{else if eq (print .Op) "delete"}}<del>{{.Text}}</del>{{else}}{{.Text}}{{end}}{{end}}`

// HTMLTemplates adds to t the templates "paras", which renders a []Para
// as a numbered list (insertions in <ins>, deletions in <del>, moves,
// splits, merges and cut-off paragraphs tagged), and "w", which renders
// one Word, so that every HTML view of a diff marks changes alike; and
// the functions "num" (a paragraph number), "unannounced"
// (UnannouncedText), "cutNote" (CutNote), "figures"
// (revision.FiguresText), and "noteLabel" and "noteText"
// (revision.NoteLabel, revision.NoteText), which show a note with its
// agency's label. A word that abuts a change of the other kind
// (Word.Abuts) gets a space before it, so "<del>590</del> <ins>330</ins>"
// does not read as "590330".
func HTMLTemplates(t *template.Template) (*template.Template, error) {
	return t.Funcs(template.FuncMap{"num": paraNumber, "unannounced": UnannouncedText, "cutNote": CutNote,
		"figures": revision.FiguresText, "noteLabel": revision.NoteLabel, "noteText": revision.NoteText}).Parse(htmlParts)
}

// paraNumber writes a paragraph number, "" for none.
func paraNumber(p *int) string {
	if p == nil {
		return ""
	}
	return fmt.Sprint(*p)
}
