package io.mlops.engine.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.engine.TestData;
import io.mlops.engine.data.TableReader;
import io.mlops.engine.io.Hashing;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDigestTest {
    @TempDir
    Path dir;

    @Test
    void shouldCountTheRowsTheReaderReadsWithQuotedLineEndsAndEmptyLines() {
        Path csv = TestData.write(
                dir.resolve("a.csv"),
                "description,amount,category\r\n\"two\r\nlines, and \"\"quotes\"\"\",3,meals\r\n\r\nx,4,taxi\r\ny,5,taxi");
        Path mixed = TestData.writeMixedCsv(dir.resolve("b.csv"), 321, 1);

        FileDigest digest = FileDigest.of(csv);

        assertThat(digest.rows())
                .isEqualTo(3)
                .isEqualTo(new TableReader().read(csv).size());
        assertThat(digest.sha256()).isEqualTo(Hashing.sha256(csv));
        assertThat(FileDigest.of(mixed).rows()).isEqualTo(321);
    }

    @Test
    void shouldCountTheNonBlankLinesOfJsonLines() {
        Path jsonl = TestData.write(dir.resolve("a.jsonl"), "{\"a\": \"x\\\"\"}\n  \n{\"a\": 2}\n{\"a\": 3}");

        assertThat(FileDigest.of(jsonl).rows()).isEqualTo(3);
    }
}
