import { Card } from 'antd';
import { DocumentRegister } from './components/DocumentRegister';

export default function DocumentsPage() {
  return (
    <Card size="small" styles={{ body: { paddingTop: 16 } }}>
      <DocumentRegister />
    </Card>
  );
}
