// The comment workflow steps in VS Code's Japanese UI (the suite: workflow-suite.ts): the same steps with
// the commands' quick picks, the save dialog and the view in Japanese (screenshots -ja).
import { commentWorkflowSuite } from './workflow-suite';

commentWorkflowSuite();
