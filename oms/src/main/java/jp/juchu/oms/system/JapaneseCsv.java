package jp.juchu.oms.system;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** CSV files as Japanese merchants' tools write them: UTF-8 (with or without BOM) or Shift_JIS. */
public final class JapaneseCsv {

    /** Shift_JIS as Windows writes it (with NEC and IBM extensions: ①, ㈱, 髙 …). */
    public static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    private JapaneseCsv() {}

    /**
     * The records of an uploaded file: read as UTF-8 when its bytes are valid UTF-8, otherwise as Shift_JIS.
     *
     * @throws IllegalArgumentException when the text is not CSV
     */
    public static List<CSVRecord> read(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            text = new String(content, WINDOWS_31J);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(text))) {
            return parser.getRecords();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("CSVとして読めません: " + e.getMessage());
        }
    }
}
