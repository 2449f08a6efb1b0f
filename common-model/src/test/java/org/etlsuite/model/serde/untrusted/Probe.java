package org.etlsuite.model.serde.untrusted;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A hand-written specific record outside the packages trusted through
 * org.apache.avro.SERIALIZABLE_PACKAGES, so Avro's ClassSecurityValidator refuses to load it.
 */
public class Probe extends SpecificRecordBase {

    public static final Schema SCHEMA$ = new Schema.Parser().parse("""
            {"type":"record","name":"Probe","namespace":"org.etlsuite.model.serde.untrusted",
             "fields":[{"name":"name","type":"string"}]}""");

    private CharSequence name;

    @Override
    public Schema getSchema() {
        return SCHEMA$;
    }

    @Override
    public Object get(int field) {
        return name;
    }

    @Override
    public void put(int field, Object value) {
        name = (CharSequence) value;
    }
}
