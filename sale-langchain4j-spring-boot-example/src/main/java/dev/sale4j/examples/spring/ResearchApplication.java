package dev.sale4j.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A research assistant behind SALE: {@code POST /ask {"question": "..."}} runs one auction over the pool configured
 * under {@code sale4j.*} and the winner answers with web search and page reading. Metrics are under
 * {@code /actuator/metrics/sale4j.*}.
 */
@SpringBootApplication
public class ResearchApplication {

    public static void main(String[] args) {
        SpringApplication.run(ResearchApplication.class, args);
    }
}
