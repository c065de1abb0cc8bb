package se.skyddsnat.shared;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one CSV reader for imports: UTF-8 with or without BOM, delimiter {@code ,} or {@code ;}
 * (detected from the header row; Swedish Excel writes {@code ;}), double-quoted fields with
 * {@code ""} escapes, a header row. Each row keeps its line number in the file for error messages.
 */
public final class CsvTable {

    /** A data row: values by (lower-case) column name, and the line it started on. */
    public record Row(int line, Map<String, String> values) {
        /** The trimmed value, or "" when the column is absent or empty. */
        public String get(String column) {
            String v = values.get(column);
            return v == null ? "" : v.trim();
        }
    }

    /** The file could not be read as CSV at all (not UTF-8, no header, unbalanced quotes). */
    public static class Unreadable extends RuntimeException {
        private final int line;

        public Unreadable(int line, String reason) {
            super(reason);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private final List<String> header;
    private final List<Row> rows;
    private final char delimiter;

    private CsvTable(List<String> header, List<Row> rows, char delimiter) {
        this.header = header;
        this.rows = rows;
        this.delimiter = delimiter;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    public char delimiter() {
        return delimiter;
    }

    public static CsvTable parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable(1, "not UTF-8");
        }
        return parse(text);
    }

    public static CsvTable parse(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstLineEnd = text.indexOf('\n');
        String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        if (firstLine.isBlank()) {
            throw new Unreadable(1, "no header row");
        }
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        split(text, delimiter, records, lines);
        List<String> header = records.getFirst().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> fields = records.get(i);
            if (fields.size() == 1 && fields.getFirst().isBlank()) {
                continue; // blank line
            }
            var values = new LinkedHashMap<String, String>();
            for (int c = 0; c < header.size() && c < fields.size(); c++) {
                values.put(header.get(c), fields.get(c));
            }
            if (fields.size() > header.size()) {
                values.put("\u0000extra", String.valueOf(fields.size() - header.size()));
            }
            rows.add(new Row(lines.get(i), values));
        }
        return new CsvTable(header, List.copyOf(rows), delimiter);
    }

    /** Whether a row has more fields than the header. */
    public static boolean hasExtraFields(Row row) {
        return row.values().containsKey("\u0000extra");
    }

    private static void split(String text, char delimiter, List<List<String>> records, List<Integer> lines) {
        List<String> fields = new ArrayList<>();
        var field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
            } else if (ch == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                lines.add(recordLine);
                fields = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new Unreadable(recordLine, "a quoted field is not closed");
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
            lines.add(recordLine);
        }
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }
}
