package kb

import "testing"

// BenchmarkLoad measures parsing the embedded tables into a KB, which a
// process does once at start-up.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLookup measures one lookup of a mention, the linker's hot path.
func BenchmarkLookup(b *testing.B) {
	k, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	names := []string{"Kazakhstan", "Mangghystaū", "Collective Security Treaty Organization", "Almaty", "Tokayev"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		k.Lookup(names[i%len(names)])
	}
}

// BenchmarkGazetteer measures building the gazetteer list, done once by
// the recogniser.
func BenchmarkGazetteer(b *testing.B) {
	k, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		k.Gazetteer()
	}
}

func BenchmarkFold(b *testing.B) {
	for _, s := range []string{"Collective Security Treaty Organization", "Mangghystaū oblysy"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Fold(s)
			}
		})
	}
}
