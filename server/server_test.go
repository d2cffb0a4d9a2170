package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"tidings/article"
	"tidings/pipeline"
	"tidings/record"
	"tidings/store"
	"tidings/store/storetest"
)

// testArticles are short news items written for these tests (invented,
// but in the style of wire copy), with places, people and organisations
// that the knowledge base knows, several days apart.
var testArticles = []article.Article{
	{
		Title:     "Kazakhstan restores fuel price cap after protests in Almaty",
		Body:      "President Kassym-Jomart Tokayev said on Tuesday that the government would restore the cap on liquefied gas prices for 180 days. Protesters in Almaty had gathered outside the city administration since Sunday, and police said several cars were set on fire overnight.\n\nRussia and the United States urged calm, and the European Union said it was following events in Kazakhstan closely.",
		Published: day("2022-01-04"), Source: "Steppe Wire", URL: "https://news.example/kz/fuel-cap",
		GoldTags: []string{"Kazakhstan", "Tokayev"},
	},
	{
		Title:     "Tokayev names a new prime minister as order returns to Kazakhstan",
		Body:      "Kazakhstan's parliament approved Alikhan Smailov as prime minister on Tuesday, a week after the unrest that shook Almaty. Tokayev told lawmakers that troops sent by Russia and its allies would start leaving the country within two days.\n\nShops and banks in Almaty reopened on Monday.",
		Published: day("2022-01-11"), Source: "Steppe Wire", URL: "https://news.example/kz/new-pm",
		GoldTags: []string{"Kazakhstan", "Tokayev", "Russia"},
	},
	{
		Title:     "Germany and France agree to buy gas together",
		Body:      "Germany and France will pool their purchases of liquefied natural gas next winter, Chancellor Olaf Scholz and President Emmanuel Macron said in Berlin on Tuesday. The two leaders asked the European Commission to draft rules for joint buying by the end of April.\n\nGas prices in Europe have more than doubled since last autumn.",
		Published: day("2022-03-15"), Source: "Continental Post", URL: "https://news.example/eu/joint-gas",
		GoldTags: []string{"Germany", "France", "energy"},
	},
	{
		Title:     "Floods in Pakistan leave hundreds of thousands homeless",
		Body:      "Monsoon floods have destroyed more than 300,000 homes in the southern province of Sindh, officials said on Sunday. Prime Minister Shehbaz Sharif appealed for international help, and the United Nations said it would release emergency funds.\n\nRoads between Karachi and the north of the country remain cut.",
		Published: day("2022-08-28"), Source: "Indus Daily", URL: "https://news.example/pk/floods",
		GoldTags: []string{"Pakistan", "floods"},
	},
	{
		Title:     "Brazil's central bank raises its main interest rate again",
		Body:      "Brazil's central bank raised its benchmark rate by half a point to 13.75% on Wednesday, its twelfth increase in a row. Traders in São Paulo had expected the move.\n\nPresident Jair Bolsonaro has criticised the bank before an election in October.",
		Published: day("2022-08-03"), Source: "Atlantic Markets", URL: "https://news.example/br/rates",
		GoldTags: []string{"Brazil", "economy"},
	},
	{
		Title:     "NATO defence ministers meet in Brussels over ammunition for Ukraine",
		Body:      "Defence ministers of NATO met in Brussels on Tuesday to discuss how to increase the production of artillery shells for Ukraine. Secretary-General Jens Stoltenberg said Russia was firing more shells than the allies could make.\n\nUkraine's defence minister joined the meeting.",
		Published: day("2023-02-14"), Source: "Continental Post", URL: "https://news.example/nato/ammunition",
		GoldTags: []string{"NATO", "Ukraine", "Russia"},
	},
	{
		Title:     "Toyota reports record quarterly profit on a weak yen",
		Body:      "Toyota said on Wednesday that its operating profit rose to a record in the three months to March, helped by a weak yen and strong sales of hybrid cars in North America.\n\nShares of the carmaker rose 3% in Tokyo.",
		Published: day("2023-05-10"), Source: "Pacific Ledger", URL: "https://news.example/jp/toyota",
		GoldTags: []string{"Toyota", "Japan"},
	},
	{
		// Markup in the title and text: the pages must show it as text.
		Title:     `Regulator fines app maker over "<script>" flaw & data leak`,
		Body:      `The data protection authority of Ireland fined the maker of a photo app 2 million euros on Thursday. Its inspectors found that comments containing <script>alert(1)</script> ran in other users' browsers & exposed their addresses.`,
		Published: day("2023-06-01"), Source: "Dublin <Tech> Review", URL: "javascript:alert(1)",
	},
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// The pipeline loads its models in about a second; the tests share one,
// and the records of the test articles, analysed once.
var fixture struct {
	once    sync.Once
	p       *pipeline.Pipeline
	records []record.Record
	err     error
}

// analysed returns the shared pipeline and the records of testArticles.
func analysed(t testing.TB) (*pipeline.Pipeline, []record.Record) {
	t.Helper()
	fixture.once.Do(func() {
		fixture.p, fixture.err = pipeline.New()
		if fixture.err != nil {
			return
		}
		for _, a := range testArticles {
			a.Body = strings.TrimSpace(a.Body)
			an, err := fixture.p.Analyze(context.Background(), a)
			if err != nil {
				fixture.err = err
				return
			}
			fixture.records = append(fixture.records, an.Record())
		}
	})
	if fixture.err != nil {
		t.Fatalf("analysing the test articles: %v", fixture.err)
	}
	return fixture.p, fixture.records
}

// testServer is a server over a fresh SQLite store filled with the test
// articles.
type testServer struct {
	handler http.Handler
	store   store.Store
	ids     []int64 // store ids of testArticles, in order
	records []record.Record
}

func newTestServer(t testing.TB, opt Options) *testServer {
	t.Helper()
	p, recs := analysed(t)
	// TIDINGS_TEST_SERVER_STORE=postgres runs the server's tests over a
	// fresh PostgreSQL database (on TIDINGS_TEST_POSTGRES), as CI does
	// once: the server must work the same over either store.
	dsn := filepath.Join(t.TempDir(), "archive.db")
	if os.Getenv("TIDINGS_TEST_SERVER_STORE") == "postgres" {
		dsn = storetest.NewDatabase(t, storetest.PostgresAdmin(t, "TIDINGS_TEST_POSTGRES"))
	}
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("opening the store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	ts := &testServer{store: st, records: recs}
	for _, rec := range recs {
		res, err := st.Put(context.Background(), rec)
		if err != nil {
			t.Fatalf("storing %q: %v", rec.Title, err)
		}
		if res.Status != store.StatusNew {
			t.Fatalf("storing %q: status %s, want new", rec.Title, res.Status)
		}
		ts.ids = append(ts.ids, res.ID)
	}
	ts.handler = New(st, p, opt)
	return ts
}

// do sends one request to the handler and returns the response.
func (ts *testServer) do(t testing.TB, method, target string, body io.Reader, header ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	ts.handler.ServeHTTP(rec, req)
	return rec.Result()
}

// getJSON requests target, checks the status and decodes the body into v.
func (ts *testServer) getJSON(t testing.TB, target string, wantStatus int, v any) {
	t.Helper()
	resp := ts.do(t, http.MethodGet, target, nil)
	decodeJSON(t, resp, wantStatus, v)
}

func decodeJSON(t testing.TB, resp *http.Response, wantStatus int, v any) {
	t.Helper()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != wantStatus {
		t.Fatalf("%s %s: status %d, want %d; body: %.300s", resp.Request.Method, resp.Request.URL, resp.StatusCode, wantStatus, body)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("%s: Content-Type %q, want JSON", resp.Request.URL, ct)
	}
	if v == nil {
		return
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: decoding %.300s: %v", resp.Request.URL, body, err)
	}
}

// body reads a whole response body.
func body(t testing.TB, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading the body: %v", err)
	}
	return string(b)
}

// httptestRecord sends a body-less request to h.
func httptestRecord(h http.Handler, method, target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec
}

// newTestLogger logs into w as text, debug level and up.
func newTestLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug}))
}
