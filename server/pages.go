package server

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"tidings/record"
	"tidings/store"
)

// pageSize is the number of results on one page of the web pages.
const pageSize = 20

// topTags is the number of tag chips on the search page.
const topTags = 24

// pageTemplates holds one template set per page, each the layout plus
// the page's content.
type pageTemplates map[string]*template.Template

// parsePages parses the embedded templates. They are part of the binary,
// so a parse error is a programming error, caught by any test.
func parsePages() pageTemplates {
	funcs := template.FuncMap{
		"entityPath":   entityPath,
		"tagPath":      tagPath,
		"articlePath":  articlePath,
		"wikidataURL":  wikidataURL,
		"wikipediaURL": wikipediaURL,
		"classSafe":    classSafe,
		"number":       formatNumber,
		"orUntitled": func(s string) string {
			if strings.TrimSpace(s) == "" {
				return "(untitled)"
			}
			return s
		},
	}
	base := template.Must(template.New("layout.html").Funcs(funcs).ParseFS(assets, "templates/layout.html"))
	pages := pageTemplates{}
	for _, name := range [...]string{"index", "article", "entity", "tag", "error"} {
		t := template.Must(base.Clone())
		pages[name] = template.Must(t.ParseFS(assets, "templates/"+name+".html"))
	}
	return pages
}

// render writes a page. It renders into a buffer first, so that a
// template failure answers 500 rather than half a page.
func (s *server) render(w http.ResponseWriter, r *http.Request, code int, name string, data any) {
	var buf bytes.Buffer
	if err := s.pages[name].ExecuteTemplate(&buf, "layout.html", data); err != nil {
		if name == "error" {
			// Do not recurse: the error page itself failed.
			s.log.Error("rendering the error page", "error", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		s.serveError(w, r, fmt.Errorf("rendering the %s page: %w", name, err))
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}

type errorPage struct {
	Title   string
	Status  int
	Message string
}

func (s *server) renderError(w http.ResponseWriter, r *http.Request, code int, msg string) {
	s.render(w, r, code, "error", errorPage{Title: http.StatusText(code), Status: code, Message: msg})
}

// hitView is one search result on a page.
type hitView struct {
	store.Hit
	Snippet template.HTML
}

func hitViews(hits []store.Hit) []hitView {
	out := make([]hitView, len(hits))
	for i, h := range hits {
		out[i] = hitView{Hit: h, Snippet: highlightSnippet(h.Snippet)}
	}
	return out
}

// pager links the pages of a result list.
type pager struct {
	Page, Pages  int
	First, Last  int // the 1-based positions of the shown results
	Total        int
	Prev, Next   string // URLs; "" at the ends
	HasManyPages bool
}

// newPager returns the pager of page (1-based) of total results, linking
// to the other pages with the request's parameters.
func newPager(r *http.Request, page, total int) pager {
	p := pager{Page: page, Total: total, Pages: max((total+pageSize-1)/pageSize, 1)}
	if first := (page-1)*pageSize + 1; first <= total {
		p.First, p.Last = first, min(page*pageSize, total)
	}
	link := func(n int) string {
		v := r.URL.Query()
		v.Set("page", strconv.Itoa(n))
		return r.URL.Path + "?" + v.Encode()
	}
	if page > 1 {
		p.Prev = link(min(page-1, p.Pages))
	}
	if page < p.Pages {
		p.Next = link(page + 1)
	}
	p.HasManyPages = p.Pages > 1 || page > 1
	return p
}

// pageParam reads the page number of a result list.
func pageParam(r *http.Request) (int, error) {
	return intParam(r.URL.Query(), "page", 1, 1, maxOffset/pageSize)
}

// searchForm holds the values of the search form, as typed.
type searchForm struct {
	Q, Entity, Tag, Event, Actor, From, To string
}

type indexPage struct {
	Title    string
	Form     searchForm
	Filtered bool // any filter given: the results are a search
	Total    int
	Hits     []hitView
	Pager    pager
	Chart    template.HTML
	Tags     []store.TagCount
	Stats    store.Stats
	// EventsCSV is the download of the events that the event and actor
	// filters select, when one is given: /api/events with them and the
	// dates.
	EventsCSV string
}

// pageIndex is the search page: the form, the results with their
// timeline, and the most used tags.
func (s *server) pageIndex(w http.ResponseWriter, r *http.Request) {
	q, err := filterParams(r.URL.Query())
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	page, err := pageParam(r)
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	ctx := r.Context()
	var timeline []store.Bucket
	if q == (store.Query{}) {
		timeline, err = s.timeline.get(ctx, func(ctx context.Context) ([]store.Bucket, error) {
			return s.store.Timeline(ctx, store.Query{})
		})
	} else {
		timeline, err = s.store.Timeline(ctx, q)
	}
	if err != nil {
		s.serveError(w, r, fmt.Errorf("counting articles per day: %w", err))
		return
	}
	q.Limit, q.Offset = pageSize, (page-1)*pageSize
	res, err := s.store.Search(ctx, q)
	if err != nil {
		s.serveError(w, r, fmt.Errorf("searching the archive: %w", err))
		return
	}
	tags, err := s.topTags.get(ctx, func(ctx context.Context) ([]store.TagCount, error) {
		return s.store.Tags(ctx, "", topTags)
	})
	if err != nil {
		s.serveError(w, r, fmt.Errorf("listing tags: %w", err))
		return
	}
	stats, err := s.stats.get(ctx, s.store.Stats)
	if err != nil {
		s.serveError(w, r, fmt.Errorf("counting the archive: %w", err))
		return
	}
	v := r.URL.Query()
	form := searchForm{Q: q.Text, Entity: q.Entity, Tag: q.Tag, Event: q.Event, Actor: q.Actor, From: v.Get("from"), To: v.Get("to")}
	title := "Search the archive"
	if q.Text != "" {
		title = q.Text + " – search"
	}
	s.render(w, r, http.StatusOK, "index", indexPage{
		Title:     title,
		Form:      form,
		Filtered:  form != searchForm{},
		Total:     res.Total,
		Hits:      hitViews(res.Hits),
		Pager:     newPager(r, page, res.Total),
		Chart:     timelineChart(timeline, "articles", articleCount),
		Tags:      tags,
		Stats:     stats,
		EventsCSV: eventsDownload(form),
	})
}

// eventsDownload returns the URL of the events export for the form's
// event filters, "" when it has none.
func eventsDownload(f searchForm) string {
	if f.Event == "" && f.Actor == "" {
		return ""
	}
	v := url.Values{}
	for _, kv := range [][2]string{{"event", f.Event}, {"actor", f.Actor}, {"from", f.From}, {"to", f.To}} {
		if kv[1] != "" {
			v.Set(kv[0], kv[1])
		}
	}
	return "/api/events?" + v.Encode()
}

// entityView is one entity in the list of an article's entities.
type entityView struct {
	record.Entity
	Count int // mentions in the article
}

type articlePage struct {
	Title      string
	Article    *store.Article
	Rec        *record.Record
	URL        string // the article's address when a page may link it
	Text       template.HTML
	Entities   []entityView
	Quantities []record.Entity
	Events     []eventView
}

// eventView is one row of an article's events: the place by its name,
// and casualty counts blank when none was coded ("" rather than 0, which
// would say that no one died).
type eventView struct {
	record.Event
	Place, Dead, Injured string
}

func eventViews(rec *record.Record) []eventView {
	names := map[string]string{}
	for _, e := range rec.Entities {
		names[e.ID] = e.Name
	}
	out := make([]eventView, len(rec.Events))
	for i, e := range rec.Events {
		v := eventView{Event: e, Place: names[e.Location]}
		if v.Place == "" {
			v.Place = e.Location
		}
		if e.Dead > 0 || e.Injured > 0 {
			v.Dead, v.Injured = strconv.Itoa(e.Dead), strconv.Itoa(e.Injured)
		}
		out[i] = v
	}
	return out
}

// pageArticle shows one article with its entities highlighted, its tag
// line, its dates and its events.
func (s *server) pageArticle(w http.ResponseWriter, r *http.Request) {
	a, ok := s.storedArticle(w, r)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "article", newArticlePage(a))
}

// storedArticle reads the article that the path's {id} names; when it
// cannot, it answers the error and returns false.
func (s *server) storedArticle(w http.ResponseWriter, r *http.Request) (*store.Article, bool) {
	id, err := articleID(r.PathValue("id"))
	if err != nil {
		s.serveError(w, r, err)
		return nil, false
	}
	a, err := s.store.Article(r.Context(), id)
	if err != nil {
		s.serveError(w, r, err) // the store's errors name the article
		return nil, false
	}
	return a, true
}

func newArticlePage(a *store.Article) articlePage {
	rec := &a.Analysis
	p := articlePage{Title: rec.Title, Article: a, Rec: rec, URL: webURL(rec.URL), Events: eventViews(rec)}
	if strings.TrimSpace(p.Title) == "" {
		p.Title = fmt.Sprintf("Article %d", a.ID)
	}
	// The analysed text starts with the title, which the page shows as its
	// heading.
	from := 0
	if rec.Title != "" && strings.HasPrefix(rec.Text, rec.Title) {
		from = len(rec.Title)
		for from < len(rec.Text) && (rec.Text[from] == '\n' || rec.Text[from] == '\r') {
			from++
		}
	}
	p.Text = highlightMentions(rec.Text, rec.Entities, from)
	for _, e := range rec.Entities {
		if e.Kind == "quantity" {
			p.Quantities = append(p.Quantities, e)
			continue
		}
		p.Entities = append(p.Entities, entityView{Entity: e, Count: len(e.Mentions)})
	}
	return p
}

type entityPage struct {
	Title  string
	Entity *store.EntityInfo
	Chart  template.HTML
	Total  int
	Hits   []hitView
	Pager  pager
}

// pageEntity shows one entity: what it is, its mentions over time and the
// articles that mention it.
func (s *server) pageEntity(w http.ResponseWriter, r *http.Request) {
	id, err := entityID(r.PathValue("id"))
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	page, err := pageParam(r)
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	ctx := r.Context()
	info, err := s.store.Entity(ctx, id, store.Query{})
	if err != nil {
		s.serveError(w, r, fmt.Errorf("entity %q: %w", id, err))
		return
	}
	res, err := s.store.Search(ctx, store.Query{Entity: id, Limit: pageSize, Offset: (page - 1) * pageSize})
	if err != nil {
		s.serveError(w, r, fmt.Errorf("searching the articles of entity %q: %w", id, err))
		return
	}
	name := info.Name
	if name == "" {
		name = id
	}
	s.render(w, r, http.StatusOK, "entity", entityPage{
		Title:  name,
		Entity: info,
		Chart:  timelineChart(info.Timeline, "mentions", mentionCount),
		Total:  res.Total,
		Hits:   hitViews(res.Hits),
		Pager:  newPager(r, page, res.Total),
	})
}

type tagPage struct {
	Title string
	Tag   string
	Chart template.HTML
	Total int
	Hits  []hitView
	Pager pager
}

// pageTag shows the articles that carry a tag and their timeline.
func (s *server) pageTag(w http.ResponseWriter, r *http.Request) {
	tag, err := textParam(url.Values{"tag": {r.PathValue("tag")}}, "tag", maxNameBytes)
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	if tag == "" {
		s.serveError(w, r, badParam("tag", "empty tag"))
		return
	}
	page, err := pageParam(r)
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	ctx := r.Context()
	q := store.Query{Tag: tag, Limit: pageSize, Offset: (page - 1) * pageSize}
	res, err := s.store.Search(ctx, q)
	if err != nil {
		s.serveError(w, r, fmt.Errorf("searching the articles tagged %q: %w", tag, err))
		return
	}
	if res.Total == 0 {
		s.serveError(w, r, fmt.Errorf("tag %q: %w", tag, store.ErrNotFound))
		return
	}
	timeline, err := s.store.Timeline(ctx, store.Query{Tag: tag})
	if err != nil {
		s.serveError(w, r, fmt.Errorf("counting the articles tagged %q per day: %w", tag, err))
		return
	}
	s.render(w, r, http.StatusOK, "tag", tagPage{
		Title: tag,
		Tag:   tag,
		Chart: timelineChart(timeline, "articles", articleCount),
		Total: res.Total,
		Hits:  hitViews(res.Hits),
		Pager: newPager(r, page, res.Total),
	})
}

// serveStatic serves the embedded style sheet and script.
func (s *server) serveStatic(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	f, err := s.static.Open(name)
	if err != nil {
		s.serveError(w, r, fmt.Errorf("static file %q: %w", name, store.ErrNotFound))
		return
	}
	st, err := f.Stat()
	f.Close()
	if err != nil || st.IsDir() {
		s.serveError(w, r, fmt.Errorf("static file %q: %w", name, store.ErrNotFound))
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.ServeFileFS(w, r, s.static, name)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// formatNumber writes a quantity's value in plain decimal ("2000000", not
// "2e+06"); "" when there is none.
func formatNumber(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}
