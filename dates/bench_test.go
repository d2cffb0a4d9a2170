package dates

import (
	"strings"
	"testing"

	"tidings/annotate"
	"tidings/internal/newstext"
	"tidings/text"
)

// benchText is a news report written for the benchmark: mostly ordinary
// prose with the usual density of time expressions.
const benchText = `The regional parliament voted on Tuesday evening to dissolve the cabinet, two days after
thousands of people marched through the capital to protest against a sharp rise in fuel prices. The
prime minister, who took office in March 2019, said in a televised address that new elections would be
held within three months. Opposition leaders, who have demanded his resignation for years, called the
move a trick and vowed to keep the squares full until the end of the month.

Fuel prices nearly doubled at the start of the year when the government lifted a cap that had been in
place since the early 2000s. Hauliers blocked the main highway for five hours on January 3, and by
Wednesday morning the protests had spread to a dozen towns. Police said 41 officers were injured and
more than 300 people were detained. The interior ministry declared a state of emergency that will last
until 7 a.m. on Jan. 19 and imposed a curfew from 11 p.m. to 6 a.m. every night.

Economists said the cap had cost the budget about 2 percent of output a year. The central bank raised its
main rate last month for the third time in 2021, and inflation reached 8.4% in the fourth quarter, the
highest level in a decade. The finance minister said the government would present a revised budget next
week and expected growth to recover in the second half. "We will not return to the old system," she told
reporters on Thursday. Talks with the unions resume on Monday and are expected to last several weeks.
`

func BenchmarkFind(b *testing.B) {
	s := strings.Repeat(benchText, 20)
	doc := text.New(s)
	r := New()
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r.Find(doc, dct)
	}
}

// BenchmarkTokenizeAndFind includes tokenisation, which the pipeline does
// once for all stages.
func BenchmarkTokenizeAndFind(b *testing.B) {
	s := strings.Repeat(benchText, 20)
	r := New()
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		r.Find(text.New(s), dct)
	}
}

func TestBenchTextDates(t *testing.T) {
	got := New().Find(text.New(benchText), dct)
	if len(got) < 20 {
		t.Errorf("only %d expressions in the benchmark text: %+v", len(got), got)
	}
	for _, e := range got {
		t.Logf("%-28q %-8s %s %s", e.Text, e.Type, e.Value, e.Mod)
	}
}

// BenchmarkFindBySize finds the time expressions of 10 KB, 100 KB and 1 MB
// of news, tagged as the pipeline tags it (the tags decide tense): the
// time should grow as the text does.
func BenchmarkFindBySize(b *testing.B) {
	m, err := annotate.Load()
	if err != nil {
		b.Fatal(err)
	}
	r := New()
	for _, size := range []struct {
		name  string
		bytes int
	}{{"10KB", 10 << 10}, {"100KB", 100 << 10}, {"1MB", 1 << 20}} {
		b.Run(size.name, func(b *testing.B) {
			doc := text.New(newstext.Text(size.bytes))
			m.AnnotateShallow(doc)
			b.SetBytes(int64(len(doc.Text)))
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				n = len(r.Find(doc, dct))
			}
			b.ReportMetric(float64(n), "expressions")
		})
	}
}
