package io.modstream.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state folder's size, as the read-side benchmark reports it. */
class ReadSideBenchmarkTest {

    @Test
    void theFolderSizeIsTheSumOfItsFilesAtEveryDepth(@TempDir Path folder) throws Exception {
        Files.write(folder.resolve("a.sst"), new byte[1000]);
        Path deeper = Files.createDirectories(folder.resolve("store/rocksdb"));
        Files.write(deeper.resolve("b.sst"), new byte[234]);
        Files.createDirectories(folder.resolve("empty"));

        assertThat(ReadSideBenchmark.folderBytes(folder)).isEqualTo(1234);
    }

    @Test
    void aFolderThatIsNotThereHoldsNothing(@TempDir Path folder) {
        assertThat(ReadSideBenchmark.folderBytes(folder.resolve("never-made"))).isZero();
    }
}
