package ingest

import (
	"strings"
	"testing"
	"time"
)

// TestParseDateForms covers the forms that --published, the API's
// published parameter and search's --from and --to were given before they
// shared ParseDate, and its refusals.
func TestParseDateForms(t *testing.T) {
	tests := []struct {
		in      string
		want    time.Time
		wantErr string
	}{
		{in: "2022-01-06", want: time.Date(2022, 1, 6, 0, 0, 0, 0, time.UTC)},
		{in: "2022-01-06T10:30:00Z", want: time.Date(2022, 1, 6, 10, 30, 0, 0, time.UTC)},
		{in: "2022-01-06T10:30:00+06:00", want: time.Date(2022, 1, 6, 4, 30, 0, 0, time.UTC)},
		{in: "2022-01-06T10:30:00", want: time.Date(2022, 1, 6, 10, 30, 0, 0, time.UTC)},
		{in: "2022-01-06 10:30:00", want: time.Date(2022, 1, 6, 10, 30, 0, 0, time.UTC)},
		{in: "0001-01-01", wantErr: `"0001-01-01" is the zero date, not a publication date`},
		{in: "0001-01-01T00:00:00Z", wantErr: `"0001-01-01T00:00:00Z" is the zero date`},
		{in: "", wantErr: "empty date"},
		{in: "next week", wantErr: `unrecognised date "next week"`},
		{in: "2022-02-30", wantErr: `unrecognised date "2022-02-30"`},
		{in: strings.Repeat("9", 500), wantErr: `unrecognised date "` + strings.Repeat("9", 100) + `…"`},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
				t.Errorf("ParseDate(%.20q) = %v, %v; want error %.40q", tt.in, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}
