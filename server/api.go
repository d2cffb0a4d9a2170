package server

import (
	"bufio"
	"fmt"
	"net/http"

	"tidings/store"
)

// Defaults and caps of the limit of the entity and tag lists.
const (
	defaultListLimit = 50
	maxListLimit     = 1000
)

// apiArticles lists the articles that match the filters: by relevance
// when q is given, newest first otherwise.
func (s *server) apiArticles(w http.ResponseWriter, r *http.Request) {
	q, err := queryParams(r.URL.Query())
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	s.search(w, r, q)
}

// apiSearch is apiArticles with q required: a full-text search.
func (s *server) apiSearch(w http.ResponseWriter, r *http.Request) {
	q, err := queryParams(r.URL.Query())
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	if q.Text == "" {
		s.serveError(w, r, badParam("q", "required: the words to search for (use /api/articles to list articles without text)"))
		return
	}
	s.search(w, r, q)
}

func (s *server) search(w http.ResponseWriter, r *http.Request, q store.Query) {
	res, err := s.store.Search(r.Context(), q)
	if err != nil {
		s.serveError(w, r, fmt.Errorf("searching the archive: %w", err))
		return
	}
	if res.Hits == nil {
		res.Hits = []store.Hit{}
	}
	s.writeJSON(w, r, http.StatusOK, res)
}

func (s *server) apiArticle(w http.ResponseWriter, r *http.Request) {
	a, ok := s.storedArticle(w, r)
	if !ok {
		return
	}
	s.writeJSON(w, r, http.StatusOK, a)
}

func (s *server) apiEntities(w http.ResponseWriter, r *http.Request) {
	prefix, limit, err := listParams(r)
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	ents, err := s.store.Entities(r.Context(), prefix, limit)
	if err != nil {
		s.serveError(w, r, fmt.Errorf("listing entities: %w", err))
		return
	}
	if ents == nil {
		ents = []store.EntitySummary{}
	}
	s.writeJSON(w, r, http.StatusOK, ents)
}

// apiEntity describes one entity with its mentions per day, within the
// articles that the filters select.
func (s *server) apiEntity(w http.ResponseWriter, r *http.Request) {
	id, err := entityID(r.PathValue("id"))
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	q, err := filterParams(r.URL.Query())
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	info, err := s.store.Entity(r.Context(), id, q)
	if err != nil {
		s.serveError(w, r, fmt.Errorf("entity %q: %w", id, err))
		return
	}
	if info.Timeline == nil {
		info.Timeline = []store.Bucket{}
	}
	s.writeJSON(w, r, http.StatusOK, info)
}

func (s *server) apiTags(w http.ResponseWriter, r *http.Request) {
	prefix, limit, err := listParams(r)
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	tags, err := s.store.Tags(r.Context(), prefix, limit)
	if err != nil {
		s.serveError(w, r, fmt.Errorf("listing tags: %w", err))
		return
	}
	if tags == nil {
		tags = []store.TagCount{}
	}
	s.writeJSON(w, r, http.StatusOK, tags)
}

func (s *server) apiTimeline(w http.ResponseWriter, r *http.Request) {
	q, err := filterParams(r.URL.Query())
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	buckets, err := s.store.Timeline(r.Context(), q)
	if err != nil {
		s.serveError(w, r, fmt.Errorf("counting articles per day: %w", err))
		return
	}
	if buckets == nil {
		buckets = []store.Bucket{}
	}
	s.writeJSON(w, r, http.StatusOK, buckets)
}

func (s *server) apiStats(w http.ResponseWriter, r *http.Request) {
	stats, err := s.store.Stats(r.Context())
	if err != nil {
		s.serveError(w, r, fmt.Errorf("counting the archive: %w", err))
		return
	}
	s.writeJSON(w, r, http.StatusOK, stats)
}

func (s *server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	doc, err := assets.ReadFile("openapi.json")
	if err != nil {
		s.serveError(w, r, fmt.Errorf("reading the embedded OpenAPI document: %w", err))
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if r.Method != http.MethodHead {
		w.Write(doc)
	}
}

// listParams reads the prefix and limit of the entity and tag lists.
func listParams(r *http.Request) (prefix string, limit int, err error) {
	v := r.URL.Query()
	if prefix, err = textParam(v, "prefix", maxNameBytes); err != nil {
		return "", 0, err
	}
	if limit, err = intParam(v, "limit", defaultListLimit, 1, maxListLimit); err != nil {
		return "", 0, err
	}
	return prefix, limit, nil
}

// entityID checks an entity id taken from a path.
func entityID(s string) (string, error) {
	v := map[string][]string{"id": {s}}
	id, err := textParam(v, "id", maxNameBytes)
	if err != nil {
		return "", err
	}
	if id == "" {
		return "", badParam("id", "empty entity id")
	}
	return id, nil
}

// apiEvents streams the stored events that the filters select (from and
// to on the event's date, event, actor), as CSV with a header line or JSON
// lines: the download of the page's event search.
func (s *server) apiEvents(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q, err := eventParams(v)
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	format := v.Get("format")
	switch format {
	case "", "csv":
		format = "csv"
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="events.csv"`)
	case "jsonl":
		w.Header().Set("Content-Type", "application/jsonl; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="events.jsonl"`)
	default:
		s.serveError(w, r, badParam("format", "%q: want csv or jsonl", format))
		return
	}
	if r.Method == http.MethodHead {
		return
	}
	// The body streams: once rows are written an error can only cut it
	// short, which the client sees as a truncated download.
	bw := bufio.NewWriterSize(w, 32<<10)
	if _, err := store.ExportEvents(r.Context(), s.store, q, format, bw); err != nil {
		s.log.Warn("events export cut short", "error", err)
	}
	bw.Flush()
}
