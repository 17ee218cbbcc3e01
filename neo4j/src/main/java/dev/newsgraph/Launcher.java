package dev.newsgraph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs Neo4j Community embedded with Bolt on 127.0.0.1 for local development and tests.
 *
 * <p>Usage: {@code Launcher --home DIR [--port N] [--page-cache SIZE]}, with the password of the
 * {@code neo4j} user as the first line of standard input (never an argument: {@code ps} shows those).
 * Prints one line {@code NEO4J_READY {"port":N}} once Bolt accepts connections, and shuts down
 * when its standard input closes, so it never outlives the process that started it.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable error) {
            // Neo4j's threads would keep a failed launcher alive: exit explicitly.
            error.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> options = parseArguments(args);
        Path home = Path.of(required(options, "home")).toAbsolutePath();
        int port = Integer.parseInt(options.getOrDefault("port", "0"));
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String password = input.readLine();
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("Expected the neo4j user's password as the first line of standard input");
        }

        Path configFile = writeConfig(home, port, options.getOrDefault("page-cache", "64m"));
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(configFile)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));

        setPassword(dbms, password);

        GraphDatabaseAPI system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        int boundPort = system.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();
        System.out.println("NEO4J_READY {\"port\":" + boundPort + "}");
        System.out.flush();

        waitForEndOfInput(input);
        System.exit(0); // runs the shutdown hook
    }

    /** The embedded API bypasses authentication, so it can set the password of the default user. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (QueryExecutionException error) {
            // A restart with the same password: nothing to change.
            if (!String.valueOf(error.getMessage()).contains("cannot be the same")) {
                throw error;
            }
        }
    }

    private static Path writeConfig(Path home, int port, String pageCache) throws IOException {
        Files.createDirectories(home);
        Map<String, String> settings = new HashMap<>();
        settings.put("server.bolt.enabled", "true");
        settings.put("server.bolt.listen_address", "127.0.0.1:" + port);
        settings.put("server.bolt.tls_level", "DISABLED");
        settings.put("server.memory.pagecache.size", pageCache);
        settings.put("dbms.security.auth_enabled", "true");
        settings.put("dbms.usage_report.enabled", "false");
        settings.put("server.logs.debug.enabled", "false");
        settings.put("db.logs.query.enabled", "OFF");
        // Stop within a second instead of Netty's and the transactions' graceful 10 s: the API has
        // closed its connections by then, and the store is recovered from its log if need be.
        settings.put("db.shutdown_transaction_end_timeout", "1s");
        settings.put("internal.server.bolt.thread_pool_shutdown_wait_time", "0s");
        settings.put("internal.server.bolt.connection_shutdown_wait_time", "0s");
        StringBuilder text = new StringBuilder("# Written by the launcher at every start.\n");
        settings.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Path file = home.resolve("neo4j.conf");
        Files.writeString(file, text);
        return file;
    }

    private static void waitForEndOfInput(BufferedReader input) throws IOException {
        char[] buffer = new char[256];
        while (input.read(buffer) != -1) {
            // Input is ignored; only its end matters.
        }
    }

    private static Map<String, String> parseArguments(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got: " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing --" + name);
        }
        return value;
    }
}
