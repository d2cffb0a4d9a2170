package annotate

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"testing"
)

// A shipped model written back gives the same bytes: loading and the
// packed layout lose nothing.
func TestShippedModelsRoundTrip(t *testing.T) {
	m := loadOrFail(t)
	for name, w := range map[string]io.WriterTo{TaggerFile: m.Tagger, ParserFile: m.Parser, NERFile: m.NER} {
		f, err := os.Open("models/" + name)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		want, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if _, err := w.WriteTo(&got); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s: written back differs (%d vs %d bytes)", name, got.Len(), len(want))
		}
	}
}
