package store

// migrateParts brings a file of schema 8 or before to schema 9's versions
// in parts (parts.go): each stored take or add becomes a version of one
// part, listing itself in Items, so the parts that arrive from now on
// join it. Parts stored before as versions of their own stay so: joining
// them would renumber versions people have named (lede rm of one and
// ingesting it again joins it).
func migrateParts(tx txn) error {
	type fix struct {
		key []byte
		rec RevRecord
	}
	var fixes []fix
	err := tx.b(bucketRevs).ForEach(func(k, v []byte) error {
		var rec RevRecord
		if err := decodeRev(v, &rec); err != nil || rec.Part == nil || len(rec.Items) > 0 {
			return nil // a damaged record stays for lede check to report
		}
		rec.Items = []ItemRecord{{Arrival: rec.Arrival, ID: rec.ID, Source: rec.Source, Part: rec.Part,
			Paras: rec.Paras, Complete: rec.Complete, Transmitted: rec.Transmitted}}
		fixes = append(fixes, fix{append([]byte(nil), k...), rec})
		return nil
	})
	if err != nil {
		return err
	}
	for _, f := range fixes {
		if err := tx.putRev(f.key, f.rec); err != nil {
			return err
		}
	}
	return nil
}
