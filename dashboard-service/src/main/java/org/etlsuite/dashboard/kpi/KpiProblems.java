package org.etlsuite.dashboard.kpi;

import java.util.Collection;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Why the KPI API cannot answer a dataset, as RFC 9457 problems. */
final class KpiProblems {

    private KpiProblems() {
    }

    static ErrorResponseException unknownDataset(String name, Collection<String> known) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "Unknown dataset",
                "There is no dataset '" + name + "'; the datasets are " + String.join(", ", known) + ".");
        problem.setProperty("datasets", List.copyOf(known));
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    static ErrorResponseException notWrittenYet(KpiDataset dataset) {
        return about(dataset, HttpStatus.NOT_FOUND, "No data yet",
                "The transformer has not written " + dataset.path() + " yet.");
    }

    /** @param error what is wrong with the file, naming file and line */
    static ErrorResponseException unreadable(KpiDataset dataset, String error) {
        return about(dataset, HttpStatus.UNPROCESSABLE_CONTENT, "Unreadable dataset", error);
    }

    /** The file went away or could not be opened between the check of its version and the read of its bytes. */
    static ErrorResponseException cannotReadNow(KpiDataset dataset) {
        return about(dataset, HttpStatus.SERVICE_UNAVAILABLE, "Dataset not readable now",
                dataset.path() + " could not be read just now; ask again.");
    }

    private static ErrorResponseException about(KpiDataset dataset, HttpStatus status, String title, String detail) {
        ProblemDetail problem = problem(status, title, detail);
        problem.setProperty("dataset", dataset.name());
        problem.setProperty("path", dataset.path());
        return new ErrorResponseException(status, problem, null);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
