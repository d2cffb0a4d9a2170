package store

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"sync"

	"tidings/record"
)

// analysisCodec stores analysis objects as gzip-compressed JSON, the same
// way in every store; its zero value is ready to use and safe for
// concurrent use.
type analysisCodec struct {
	gz sync.Pool // *gzip.Writer, reused across Puts
}

func (c *analysisCodec) compress(rec record.Record) ([]byte, error) {
	var buf bytes.Buffer
	zw, _ := c.gz.Get().(*gzip.Writer)
	if zw == nil {
		zw, _ = gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	} else {
		zw.Reset(&buf)
	}
	defer c.gz.Put(zw)
	if err := json.NewEncoder(zw).Encode(rec); err != nil {
		return nil, fmt.Errorf("encoding analysis: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compressing analysis: %w", err)
	}
	return buf.Bytes(), nil
}

func decompress(blob []byte) (record.Record, error) {
	var rec record.Record
	zr, err := gzip.NewReader(bytes.NewReader(blob))
	if err != nil {
		return rec, fmt.Errorf("reading analysis: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return rec, fmt.Errorf("reading analysis: %w", err)
	}
	if err := json.Unmarshal(data, &rec); err != nil {
		return rec, fmt.Errorf("decoding analysis: %w", err)
	}
	return rec, nil
}
