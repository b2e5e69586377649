import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Deletes the relay bench's topic if it exists and waits until the broker no longer lists it, so that each round
 * starts on an empty topic and a run leaves no 200 MB of bench facts behind in the dev broker. (deploy/local/kafka's
 * CreateTopics.java creates it again.)
 *
 * Usage: java -cp 'libs/*' DeleteTopic.java BOOTSTRAP TOPIC
 */
public class DeleteTopic {
    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin admin = Admin.create(props)) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(args[1])) {
                return;
            }
            admin.deleteTopics(List.of(args[1])).all().get(30, TimeUnit.SECONDS);
            // Deletion is asynchronous on the broker: creating the topic again before it is gone fails.
            for (int i = 0; i < 300 && admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(args[1]); i++) {
                Thread.sleep(100);
            }
        }
    }
}
