package io.lenscast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.job.ProcessorSettings;
import io.lenscast.model.ModelOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The option groups several commands share ({@code --model}, {@code --device}, {@code --out},
 * {@code --help}, image folders) parse, default and fail the same way wherever they are used,
 * and every command answers {@code --help} with its usage.
 */
class SharedOptionsTest {
  private static ParsedOptions parse(OptionParser parser, String... args) {
    return parser.parse(List.of(args));
  }

  @Test
  void deviceDefaultsToAutoAndRefusesAnUnknownDeviceAsUsage() {
    OptionParser p = DeviceOption.declare(new OptionParser("t"));
    assertEquals(ModelOptions.defaults(), DeviceOption.parse(parse(p)));
    assertEquals("cpu", DeviceOption.parse(parse(p, "--device", "cpu")).device());
    UsageException e = assertThrows(UsageException.class,
        () -> DeviceOption.parse(parse(p, "--device", "tpu")));
    assertEquals("--device device must be auto, cpu or gpu, got tpu", e.getMessage());
  }

  @Test
  void outputFileMustBeInAnExistingFolder(@TempDir Path dir) {
    OptionParser p = OutputFileOption.declare(new OptionParser("t"), "FILE", "where");
    assertNull(OutputFileOption.optional(parse(p)));
    Path ok = dir.resolve("out.jsonl");
    assertEquals(ok, OutputFileOption.required(parse(p, "--out", ok.toString())));
    Path missing = dir.resolve("no-such-folder").resolve("out.jsonl");
    UsageException e = assertThrows(UsageException.class,
        () -> OutputFileOption.optional(parse(p, "--out", missing.toString())));
    assertEquals("--out: folder does not exist: " + missing.getParent(), e.getMessage());
    assertEquals("missing --out",
        assertThrows(UsageException.class, () -> OutputFileOption.required(parse(p)))
            .getMessage());
  }

  @Test
  void aFolderThatIsNoCheckpointIsABadModelFolderForModelAndProcessorAlike(@TempDir Path dir) {
    OptionParser p = ModelFolderOption.declare(new OptionParser("t"));
    assertEquals("--model: not a directory: " + dir.resolve("x"), assertThrows(
        UsageException.class, () -> ModelFolderOption.folder(parse(p, "--model",
            dir.resolve("x").toString()))).getMessage());
    Path folder = ModelFolderOption.folder(parse(p, "--model", dir.toString()));
    UsageException model = assertThrows(UsageException.class,
        () -> ModelFolderOption.loadModel(folder, ModelOptions.cpu()));
    UsageException processor = assertThrows(UsageException.class,
        () -> ModelFolderOption.openProcessor(folder, ModelOptions.cpu(),
            ProcessorSettings.defaults()));
    assertTrue(model.getMessage().startsWith("bad model folder: "), model.getMessage());
    assertEquals(model.getMessage(), processor.getMessage());
    assertFalse(model.getMessage().contains("\n"));
  }

  @Test
  void imageFolderListsImageFilesByNameOnly(@TempDir Path dir) throws Exception {
    for (String name : List.of("b.PNG", "a.jpg", "c.jpeg", "d.bmp", "e.gif", "notes.txt")) {
      Files.writeString(dir.resolve(name), "x");
    }
    Files.createDirectories(dir.resolve("sub.png"));
    assertEquals(List.of("a.jpg", "b.PNG", "c.jpeg", "d.bmp", "e.gif"),
        ImageFolder.list(dir).stream().map(f -> f.getFileName().toString()).toList());
  }

  @Test
  void helpIsAnsweredOnlyWhenAsked() {
    OptionParser p = HelpOption.declare(new OptionParser("t").flag("--json", "json output"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertFalse(HelpOption.answered(parse(p, "--json"), p, "t [options]", err));
    assertEquals(0, bytes.size());
    assertTrue(HelpOption.answered(parse(p, "--help"), p, "t [options]", err));
    assertEquals("usage: ./lenscast t [options]\n" + p.help(),
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void everyCommandAnswersHelpWithItsUsageAndExitsZero() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    try {
      for (Map.Entry<String, Command> c : Main.commands().entrySet()) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream captured = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        System.setOut(captured);
        System.setErr(captured);
        int rc = Main.run(new String[] {c.getKey(), "--help"});
        String usage = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, c.getKey() + ": " + usage);
        assertTrue(usage.startsWith("usage: ./lenscast " + c.getKey() + " "), usage);
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
