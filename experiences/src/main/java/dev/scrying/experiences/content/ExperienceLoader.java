package dev.scrying.experiences.content;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.scrying.experiences.Ids;
import dev.scrying.experiences.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads experiences from a folder or from the ones bundled in this jar, validating each file against
 * its schema and then the cross references between files. Stateless and thread-safe; every failure
 * is a {@link ContentException} naming the file, JSON path and reason.
 */
public final class ExperienceLoader {
  public static final String BUNDLED_ROOT = "experiences";
  public static final String DEFAULT_EXPERIENCE = "wylding-woods";
  // A duplicate key would silently drop a spot or an item, and trailing text hides a bad merge.
  private static final ObjectReader JSON = Json.MAPPER.reader()
      .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectReader YAML = new YAMLMapper().reader()
      .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

  private ExperienceLoader() {}

  /** Loads a bundled experience by id, e.g. {@code wylding-woods}. */
  public static Experience loadBundled(String id) {
    Ids.requireExperienceId(id);
    return load(bundledFolder(id));
  }

  /** Loads every experience folder under {@code root} (one sub-folder per experience). */
  public static Map<String, Experience> loadAll(Path root) {
    Map<String, Experience> out = new LinkedHashMap<>();
    try (Stream<Path> children = Files.list(root)) {
      for (Path dir : children.filter(Files::isDirectory).sorted().toList()) {
        if (Files.exists(dir.resolve("experience.json"))) {
          Experience e = load(dir);
          out.put(e.id(), e);
        }
      }
    } catch (IOException e) {
      throw new ContentException(root.toString(), "", "cannot list content folder: " + e.getMessage());
    }
    return out;
  }

  /** Loads one experience folder. */
  public static Experience load(Path dir) {
    ObjectNode config = readJson(dir, "experience.json", "experience.schema.json");
    ObjectNode world = readJson(dir, "world.template.json", "world.schema.json");
    ObjectNode templates = readJson(dir, "templates/items.json", "item-templates.schema.json");
    ObjectNode narrative = readJson(dir, "narrative.json", "narrative.schema.json");
    List<CommandDoc> commands = readCommandDocs(dir);

    Map<String, ObjectNode> itemTemplates = new LinkedHashMap<>();
    templates.fields().forEachRemaining(e -> itemTemplates.put(e.getKey(), (ObjectNode) e.getValue()));

    Experience experience = new Experience(
        config.path("id").asText(),
        config.path("name").asText(),
        config.path("version").asText(),
        config, world, itemTemplates, narrative, commands);
    String folderName = dir.getFileName() == null ? "" : dir.getFileName().toString().replace("/", "");
    if (!folderName.isEmpty() && !folderName.equals(experience.id())) {
      throw new ContentException("experience.json", "/id",
          "id '" + experience.id() + "' must equal the folder name '" + folderName + "'");
    }
    CrossReferences.check(experience);
    return experience;
  }

  private static ObjectNode readJson(Path dir, String file, String schema) {
    Path path = dir.resolve(file);
    if (!Files.isRegularFile(path)) {
      throw new ContentException(file, "", "file is missing");
    }
    JsonNode node;
    try {
      node = JSON.readTree(Files.readAllBytes(path));
    } catch (JsonProcessingException e) {
      throw new ContentException(file, pathOf(e), "not valid JSON: " + describe(e));
    } catch (IOException e) {
      throw new ContentException(file, "", "cannot read: " + e.getMessage());
    }
    if (!(node instanceof ObjectNode object)) {
      throw new ContentException(file, "", "must be a JSON object");
    }
    SchemaCheck.validate(schema, file, object);
    return object;
  }

  private static List<CommandDoc> readCommandDocs(Path dir) {
    Path folder = dir.resolve("game-logic");
    if (!Files.isDirectory(folder)) {
      throw new ContentException("game-logic/", "", "folder is missing");
    }
    List<CommandDoc> docs = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path md : files.filter(p -> p.getFileName().toString().endsWith(".md"))
          .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
        docs.add(readCommandDoc(md));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return docs;
  }

  private static CommandDoc readCommandDoc(Path md) throws IOException {
    String file = "game-logic/" + md.getFileName();
    String text = Files.readString(md, StandardCharsets.UTF_8).replace("\r\n", "\n");
    if (!text.startsWith("---\n")) {
      throw new ContentException(file, "", "must start with a '---' front matter block");
    }
    int end = text.indexOf("\n---", 4);
    if (end < 0) {
      throw new ContentException(file, "", "front matter is not closed by '---'");
    }
    JsonNode front;
    try {
      // Starting at the newline after the opening '---' keeps the parser's line numbers equal to the file's.
      front = YAML.readTree(text.substring(3, end));
    } catch (JsonProcessingException e) {
      throw new ContentException(file, pathOf(e), "front matter is not valid YAML: " + describe(e));
    }
    if (!(front instanceof ObjectNode)) {
      throw new ContentException(file, "", "front matter must be a mapping");
    }
    SchemaCheck.validate("command-doc.schema.json", file, front);
    String expected = CrossReferences.commandFile(front.path("command").asText());
    if (!expected.equals(file)) {
      throw new ContentException(file, "/command",
          "command '" + front.path("command").asText() + "' must be documented in " + expected);
    }
    String help = text.substring(end + 4).strip();
    return new CommandDoc(
        front.path("command").asText(),
        strings(front.path("aliases")),
        front.path("requires_admin").asBoolean(false),
        strings(front.path("fields")),
        front.path("summary").asText(""),
        help);
  }

  /** The JSON pointer of the object or array the parser was in, e.g. the object holding a duplicate key. */
  private static String pathOf(JsonProcessingException e) {
    if (e instanceof StreamReadException s && s.getProcessor() != null && s.getProcessor().getParsingContext() != null) {
      return s.getProcessor().getParsingContext().pathAsPointer().toString();
    }
    return "";
  }

  private static String describe(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    // YAML parser messages span several lines; a reason is one line.
    return e.getOriginalMessage().strip().replaceAll("\\s+", " ") + where;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Path bundledFolder(String id) {
    String resource = "/" + BUNDLED_ROOT + "/" + id + "/experience.json";
    URL url = ExperienceLoader.class.getResource(resource);
    if (url == null) {
      throw new ContentException(id, "", "no bundled experience with this id");
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return fs.getPath("/" + BUNDLED_ROOT + "/" + id);
      }
      return Path.of(uri).getParent();
    } catch (URISyntaxException | IOException e) {
      throw new ContentException(id, "", "cannot open bundled content: " + e.getMessage());
    }
  }
}
